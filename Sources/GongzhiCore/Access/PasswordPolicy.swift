/// At least 8 characters drawn from at least 3 of: lower case, upper case, digits, symbols.
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maximumLength = 72  // bcrypt reads no further

    public enum Problem: Error, Equatable, Sendable {
        case tooShort, tooLong, tooFewKinds
        public var messageKey: String {
            switch self {
            case .tooShort: "error.password.tooShort"
            case .tooLong: "error.password.tooLong"
            case .tooFewKinds: "error.password.kinds"
            }
        }
    }

    public static func check(_ password: String) throws(Problem) {
        if password.count < minimumLength { throw .tooShort }
        if password.utf8.count > maximumLength { throw .tooLong }
        var kinds = 0
        if password.contains(where: { $0.isLowercase }) { kinds += 1 }
        if password.contains(where: { $0.isUppercase }) { kinds += 1 }
        if password.contains(where: { $0.isNumber }) { kinds += 1 }
        if password.contains(where: { !$0.isLetter && !$0.isNumber }) { kinds += 1 }
        if kinds < 3 { throw .tooFewKinds }
    }
}

/// Five failed logins lock an account for fifteen minutes.
public struct LoginLockout: Sendable {
    public static let maxFailures = 5
    public static let lockSeconds: Double = 15 * 60
    public static let idleSeconds: Double = 30 * 60

    /// After a failure: the new count, and the lock's end if this failure locks the account.
    public static func afterFailure(count: Int, now: Double) -> (count: Int, lockedUntil: Double?) {
        let next = count + 1
        return next >= maxFailures ? (0, now + lockSeconds) : (next, nil)
    }
}
