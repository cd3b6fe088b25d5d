import Vapor

/// An error a user or client can cause: a status, a stable code for clients, and a message key
/// shown in the user's language.
struct AppError: Error, Sendable {
    let status: HTTPResponseStatus
    let code: String
    let messageKey: String
    var args: [String] = []
    /// Field-level problems of a form or JSON body: field name → message key.
    var fields: [String: String] = [:]

    static func notFound(_ what: Text = .errorNotFound) -> AppError {
        .init(status: .notFound, code: "not_found", messageKey: what.key)
    }
    static func forbidden() -> AppError { .init(status: .forbidden, code: "forbidden", messageKey: "error.forbidden") }
    static func unauthorized() -> AppError {
        .init(status: .unauthorized, code: "unauthorized", messageKey: "error.unauthorized")
    }
    static func invalid(_ text: Text, args: [String] = [], field: String? = nil) -> AppError {
        invalid(key: text.key, args: args, field: field)
    }
    static func invalid(key: String, args: [String] = [], field: String? = nil) -> AppError {
        var e = AppError(status: .unprocessableEntity, code: "invalid", messageKey: key, args: args)
        if let field { e.fields[field] = key }
        return e
    }
    /// Every field's problem at once (field → message key), the first by name as the message; nil when none.
    static func fields(_ problems: [String: String]) -> AppError? {
        guard let first = problems.min(by: { $0.key < $1.key }) else { return nil }
        var e = AppError.invalid(key: first.value, field: first.key)
        e.fields = problems
        return e
    }
    static func badRequest(_ text: Text, args: [String] = []) -> AppError { badRequest(key: text.key, args: args) }
    static func badRequest(key: String, args: [String] = []) -> AppError {
        .init(status: .badRequest, code: "bad_request", messageKey: key, args: args)
    }
    static func conflict(_ text: Text, args: [String] = []) -> AppError { conflict(key: text.key, args: args) }
    static func conflict(key: String, args: [String] = []) -> AppError {
        .init(status: .conflict, code: "conflict", messageKey: key, args: args)
    }
}

/// Errors of the core rules carry message keys; this turns them into 422s.
protocol KeyedRuleError: Error {
    var messageKey: String { get }
    var args: [String] { get }
}
extension KeyedRuleError { var args: [String] { [] } }
extension TreeRuleError: KeyedRuleError {}
extension IDNumber.Problem: KeyedRuleError {}
extension MobileNumber.Invalid: KeyedRuleError {}
extension WorkerGrade.Invalid: KeyedRuleError {}
extension PasswordPolicy.Problem: KeyedRuleError {}
extension TextDecoding.Undecodable: KeyedRuleError {}
extension CSV.Malformed: KeyedRuleError {}
extension PersonImport.FileProblem: KeyedRuleError {}  // args: the missing columns
