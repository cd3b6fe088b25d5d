/// What a need or problem asks for and what a resource, a service team or a volunteer offers. One vocabulary for
/// all of them, so matching compares like with like.
public enum ServiceCategory: String, CaseIterable, Codable, Sendable {
    case elderlyCare
    case children
    case disability
    case health
    case legal
    case employment
    case repairs
    case environment
    case cultureSports
    case counselling
    case safety
    case venue
    case goods
    case other
}
