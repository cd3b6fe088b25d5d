/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let notifyStep = Text("notify.step")
    static let notifyUnread = Text("notify.unread")
    static let notifyMarkRead = Text("notify.markRead")
    static let notifyDigestOn = Text("notify.digestOn")
    static let notifyDigestOff = Text("notify.digestOff")
}

/// The interface strings of Notifications, in both languages.
enum NotificationsStrings {
    static let table = StringTable([
        .notifyStep: ("诉求 {0}：{1}", "Request {0}: {1}"),
        .notifyUnread: ("{0} 条未读", "{0} unread"),
        .notifyMarkRead: ("全部标为已读", "Mark all read"),
        .notifyDigestOn: ("改为每日汇总提醒", "Get a daily digest instead"),
        .notifyDigestOff: ("改为逐条提醒", "Get each notification"),
    ])
}
