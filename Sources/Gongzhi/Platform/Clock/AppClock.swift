import GongzhiCore
import NIOConcurrencyHelpers
import Vapor

/// Where the application reads the time: one value, chosen in `AppConfig`, kept by the application and handed to
/// services by their `Caller`. A server reads the live time; a test moves its own clock instead of sleeping.
/// This file is the only place that reads the system's time (`tools/check_shape.py` keeps it so).
public struct AppClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public var now: Date { read() }

    /// Today in Asia/Shanghai.
    public var today: LocalDate { LocalDate(instant: now.timeIntervalSince1970) }

    public static let live = AppClock { Date() }
}

/// The real time moved by what a test asks for. Time still passes between two reads, so records keep their order,
/// and a test jumps over a deadline, an expiry or a lock-out instead of waiting for it.
public final class MovableTime: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    public init() {}

    public func advance(by seconds: TimeInterval) { offset.withLockedValue { $0 += seconds } }

    public func advance(days: Int) { advance(by: TimeInterval(days) * 86_400) }

    /// How far this clock is ahead of the real time, in seconds.
    public var ahead: TimeInterval { offset.withLockedValue { $0 } }

    public var clock: AppClock {
        AppClock { [offset] in Date().addingTimeInterval(offset.withLockedValue { $0 }) }
    }
}

extension Application {
    private struct MovableTimeKey: StorageKey { typealias Value = MovableTime }

    /// Set from `AppConfig.movableTime` by `configure`; nil on a server that reads the live time.
    var movableTime: MovableTime? {
        get { storage[MovableTimeKey.self] }
        set { storage[MovableTimeKey.self] = newValue }
    }

    var clock: AppClock { movableTime?.clock ?? .live }
}

extension Request {
    var clock: AppClock { application.clock }
}
