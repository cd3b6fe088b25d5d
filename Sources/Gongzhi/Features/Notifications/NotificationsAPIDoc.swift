/// Notifications' part of the API document.
enum NotificationsAPIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .get, "notifications",
            "The caller's notifications (newest first), unread count and digest preference",
            tag: "requests", answer: .one(NotificationsAPI.Page.self)),
        APIOperation(
            .post, "notifications/read", "Mark all the caller's notifications read", tag: "requests",
            status: 204),
        APIOperation(
            .patch, "me/preferences", "Take notifications as a daily digest (true) or one by one (false)",
            tag: "accounts", body: .one(NotificationsAPI.Preferences.self), answer: .one(NotificationsAPI.Page.self)),
    ]
}
