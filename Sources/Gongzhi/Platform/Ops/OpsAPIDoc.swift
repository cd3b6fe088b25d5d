/// The operators' part of the API document: health, metrics and the document itself.
enum OpsAPIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .get, PlatformRoute.health.path, "Whether the server and its database answer", tag: "operations",
            answer: .one(OpsRoutes.Health.self), isPublic: true,
            extraResponses: [
                "503": [
                    "description": "The database does not answer",
                    "content": ["application/json": ["schema": .ref("OpsRoutes.Health")]],
                ]
            ]),
        APIOperation(
            .get, PlatformRoute.metrics.path, "Prometheus metrics", tag: "operations",
            answer: .raw(.text, "text/plain"),
            isPublic: true),
        APIOperation(
            .get, PlatformRoute.apiDocument.path, "This document", tag: "operations",
            answer: .raw(.anyObject, "application/json"),
            isPublic: true),
    ]
}
