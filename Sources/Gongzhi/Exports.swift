@_exported import GongzhiCore
