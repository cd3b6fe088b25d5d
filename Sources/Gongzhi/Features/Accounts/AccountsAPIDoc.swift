/// Accounts' part of the API document: tokens, one's own account, account administration.
enum AccountsAPIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .post, "auth/token",
            "Exchange a username or mobile number and password for a bearer token. Five failures lock the account "
                + "for 15 minutes (429).",
            tag: "accounts", body: .one(AccountsAPI.TokenInput.self), status: 201,
            answer: .one(AccountsAPI.TokenOutput.self), isPublic: true,
            extraResponses: ["429": .ref(response: "Locked")]
        ),
        APIOperation(.post, "auth/logout", "Revoke the token used for this call", tag: "accounts", status: 204),
        APIOperation(
            .get, "me", "The signed-in user, role, node and permissions", tag: "accounts",
            answer: .one(AccountsAPI.UserOut.self)),
        APIOperation(
            .post, "me/password",
            "Change one's password; every session and token of the account ends, this one's too (sign in again)",
            tag: "accounts", body: .one(AccountsAPI.PasswordInput.self), status: 204),
        APIOperation(
            .get, "accounts", "Accounts bound to nodes in the caller's scope (needs manageAccounts)",
            tag: "accounts", answer: .list(AccountAdmin.AccountOut.self)),
        APIOperation(
            .post, "accounts", "Create an account with a role the caller may grant, bound to a node in scope",
            tag: "accounts", body: .one(AccountAdmin.CreateInput.self), status: 201,
            answer: .one(AccountAdmin.AccountOut.self)),
        APIOperation(
            .get, "accounts/{id}", "One account", tag: "accounts", answer: .one(AccountAdmin.AccountOut.self)),
        APIOperation(
            .patch, "accounts/{id}",
            "Change an account's name, phone, role, node or whether it is active; deactivating revokes its tokens",
            tag: "accounts", body: .one(AccountAdmin.UpdateInput.self), answer: .one(AccountAdmin.AccountOut.self)),
        APIOperation(
            .post, "accounts/{id}/unlock", "Lift a lock after failed sign-ins", tag: "accounts",
            answer: .one(AccountAdmin.AccountOut.self)),
        APIOperation(
            .post, "accounts/{id}/password", "Set a new password for an account; its tokens are revoked",
            tag: "accounts", body: .one(AccountAdminAPI.ResetInput.self), status: 204),
        APIOperation(
            .post, "accounts/{id}/shares", "Share a subtree in the caller's scope with the account",
            tag: "accounts", body: .one(AccountAdminAPI.ShareInput.self), answer: .one(AccountAdmin.AccountOut.self)),
        APIOperation(
            .delete, "accounts/{id}/shares/{node}", "Stop sharing a subtree with the account", tag: "accounts",
            answer: .one(AccountAdmin.AccountOut.self)),
    ]
}

extension AccountAdmin.CreateInput: APIFieldNotes {
    static let apiRequired = ["username", "displayName", "role", "orgNodeID", "password"]
    static let apiFieldNotes: [String: JSON] = [
        "username": ["pattern": "^[A-Za-z0-9._-]{3,40}$"], "displayName": ["maxLength": 50],
        "password": ["minLength": 8],
    ]
}

extension AccountAdmin.UpdateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["displayName": ["maxLength": 50]]
}

extension AccountAdmin.AccountOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["phone": ["description": "masked"]]
}

extension AccountsAPI.TokenInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["login": ["description": "username or mainland mobile number"]]
}

extension AccountsAPI.PasswordInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "newPassword": ["minLength": 8, "description": "8+ characters of at least 3 kinds"]
    ]
}

extension AccountAdminAPI.ResetInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["newPassword": ["minLength": 8]]
}
