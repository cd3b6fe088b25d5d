import Vapor

/// A change made from a page form: on success a flash and a redirect; on an error the user can fix (a rule,
/// a 422 or a 409), the same page again with the message and the error's status, its form refilled with what was
/// sent and each field's problem beside it (`FormRefill`). Anything else propagates.
enum FormChange {
    static func run(
        _ req: Request, _ action: () async throws -> String, page: (AppError) async throws -> HTML,
        flash: Text = .flashSaved
    ) async throws -> Response {
        let fixable: AppError
        do {
            // Text the edge refused (CleanTextMiddleware) never reaches the action.
            if let refused = req.storage[TextProblemsKey.self] { throw refused }
            let target = try await action()
            Layout.flash(req, flash)
            return req.redirect(to: target)
        } catch let e as KeyedRuleError {
            fixable = .invalid(key: e.messageKey, args: e.args)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            fixable = e
        }
        let refilled = FormRefill.apply(
            try await page(fixable).raw, action: req.url.path, sent: req.sentForm,
            problems: fixable.fieldMessages(req.lang), keep: [CSRF.field])
        return try await HTML(raw: refilled).encodeResponse(status: fixable.status, for: req)
    }
}

extension Request {
    /// The fields of a posted page form, in order: what `FormRefill` puts back into a refused form (the text
    /// parts of a multipart body). Characters the edge refuses come back removed: they cannot be seen to be
    /// deleted, and the message beside the field says they were there.
    var sentForm: [(String, String)] {
        guard let type = headers.contentType, let buffer = body.data else { return [] }
        let sent = CleanTextMiddleware.fields(of: buffer, type: type)
        guard storage[TextProblemsKey.self] != nil else { return sent }
        return sent.map { ($0.0, CleanText.removingRefused($0.1)) }
    }
}
