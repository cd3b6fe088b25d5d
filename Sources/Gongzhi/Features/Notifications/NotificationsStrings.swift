/// The interface strings of Notifications, in both languages.
enum NotificationsStrings {
    static let table = StringTable(
        zhHans: [
            "notify.step": "诉求 {0}：{1}",
            "notify.unread": "{0} 条未读",
            "notify.markRead": "全部标为已读",
            "notify.digestOn": "改为每日汇总提醒",
            "notify.digestOff": "改为逐条提醒",
        ],
        en: [
            "notify.step": "Request {0}: {1}",
            "notify.unread": "{0} unread",
            "notify.markRead": "Mark all read",
            "notify.digestOn": "Get a daily digest instead",
            "notify.digestOff": "Get each notification",
        ]
    )
}
