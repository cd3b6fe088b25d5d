/// Open311's part of the API document: the administrators' API keys (GeoReport v2 itself is its own standard).
enum Open311APIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .get, "api-keys", "Open311 API keys (names and state; keys are never shown again)",
            tag: "accounts", answer: .list(APIKeysAPI.KeyOut.self)),
        APIOperation(
            .post, "api-keys", "Issue an Open311 API key; the key is in this answer only", tag: "accounts",
            body: .one(APIKeysAPI.CreateInput.self), status: 201, answer: .one(APIKeysAPI.KeyOut.self)),
        APIOperation(
            .post, "api-keys/{id}/revoke", "Revoke an Open311 API key", tag: "accounts",
            answer: .one(APIKeysAPI.KeyOut.self)),
    ]
}

extension APIKeysAPI.KeyOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["key": ["description": "only when issued"]]
}

extension APIKeysAPI.CreateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["name": ["maxLength": 100]]
}
