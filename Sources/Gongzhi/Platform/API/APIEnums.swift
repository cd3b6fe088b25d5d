import GongzhiCore

// The rules' enumerations the API sends and takes; the document lists their cases. The app's own enumerations
// adopt `APIEnum` where they are declared.
extension OrgNodeKind: APIEnum {}
extension Role: APIEnum {}
extension Permission: APIEnum {}
extension PersonFacet: APIEnum {}
extension MemberStatus: APIEnum {}
extension UnitKind: APIEnum {}
extension RequestKind: APIEnum {}
extension RequestChannel: APIEnum {}
extension RequestState: APIEnum {}
extension RequestAction: APIEnum {}
extension RequestMetric: APIEnum {}
extension Rating: APIEnum {}
extension GridSizing.Flag: APIEnum {}
extension ServiceCategory: APIEnum {}
extension Phase: APIEnum {}
