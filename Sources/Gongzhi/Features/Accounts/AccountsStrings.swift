/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let loginTitle = Text("login.title")
    static let loginLogin = Text("login.login")
    static let loginPassword = Text("login.password")
    static let loginSubmit = Text("login.submit")
    static let loginHint = Text("login.hint")
    static let accountTitle = Text("account.title")
    static let accountNode = Text("account.node")
    static let accountShared = Text("account.shared")
    static let accountPassword = Text("account.password")
    static let accountCurrentPassword = Text("account.currentPassword")
    static let accountNewPassword = Text("account.newPassword")
    static let accountPasswordRule = Text("account.passwordRule")
    static let flashPasswordChanged = Text("flash.passwordChanged")
    static let errorLoginInvalid = Text("error.login.invalid")
    static let errorLoginLocked = Text("error.login.locked")
    static let errorPasswordCurrent = Text("error.password.current")
    static let errorPasswordSame = Text("error.password.same")
    static let accountsNew = Text("accounts.new")
    static let accountsUsername = Text("accounts.username")
    static let accountsRole = Text("accounts.role")
    static let accountsStatus = Text("accounts.status")
    static let accountsActive = Text("accounts.active")
    static let accountsInactive = Text("accounts.inactive")
    static let accountsLocked = Text("accounts.locked")
    static let accountsUnlock = Text("accounts.unlock")
    static let accountsShare = Text("accounts.share")
    static let accountsUnshare = Text("accounts.unshare")
    static let accountsInitialPassword = Text("accounts.initialPassword")
    static let accountsResetPassword = Text("accounts.resetPassword")
    static let errorUsername = Text("error.username")
    static let errorUsernameTaken = Text("error.username.taken")
    static let errorRole = Text("error.role")
    static let errorAccountSelf = Text("error.account.self")
    static let errorAccountSelfPassword = Text("error.account.selfPassword")
    static let errorShareSelfOnly = Text("error.share.selfOnly")
    static let errorShareNone = Text("error.share.none")
}

/// The interface strings of Accounts, in both languages.
enum AccountsStrings {
    static let table = StringTable([
        .loginTitle: ("登录", "Sign in"),
        .loginLogin: ("用户名或手机号", "Username or mobile number"),
        .loginPassword: ("密码", "Password"),
        .loginSubmit: ("登录", "Sign in"),
        .loginHint: (
            "连续 5 次输错密码，账号将锁定 15 分钟。",
            "After 5 wrong passwords the account is locked for 15 minutes."
        ),
        .accountTitle: ("我的账号", "My account"),
        .accountNode: ("所属组织", "Organisation"),
        .accountShared: ("共享给我的范围", "Shared with me"),
        .accountPassword: ("修改密码", "Change password"),
        .accountCurrentPassword: ("当前密码", "Current password"),
        .accountNewPassword: ("新密码", "New password"),
        .accountPasswordRule: (
            "至少 8 位，含大写字母、小写字母、数字、符号中的至少三类。",
            "At least 8 characters, with at least three of: upper case, lower case, digits, symbols."
        ),
        .flashPasswordChanged: ("密码已修改。", "Password changed."),
        .errorLoginInvalid: ("用户名/手机号或密码不正确。", "Wrong username, mobile number or password."),
        .errorLoginLocked: (
            "登录失败次数过多，账号已锁定至 {0}。",
            "Too many failed sign-ins; the account is locked until {0}."
        ),
        .errorPasswordCurrent: ("当前密码不正确。", "The current password is wrong."),
        .errorPasswordSame: (
            "新密码不能与当前密码相同。",
            "The new password must differ from the current one."
        ),
        .accountsNew: ("新建账号", "New account"),
        .accountsUsername: ("用户名", "Username"),
        .accountsRole: ("角色", "Role"),
        .accountsStatus: ("状态", "Status"),
        .accountsActive: ("启用", "Active"),
        .accountsInactive: ("已停用", "Disabled"),
        .accountsLocked: ("已锁定", "Locked"),
        .accountsUnlock: ("解除锁定", "Unlock"),
        .accountsShare: ("共享此范围", "Share this subtree"),
        .accountsUnshare: ("取消共享", "Stop sharing"),
        .accountsInitialPassword: ("初始密码", "Initial password"),
        .accountsResetPassword: ("重置密码", "Reset password"),
        .errorUsername: (
            "用户名为 3–40 位字母、数字或 . _ -。",
            "A username has 3–40 letters, digits or . _ -."
        ),
        .errorUsernameTaken: (
            "用户名或手机号已被其他账号使用。",
            "The username or mobile number is already in use."
        ),
        .errorRole: ("请选择角色。", "Choose a role."),
        .errorAccountSelf: (
            "不能修改自己的角色、所属组织或停用自己。",
            "You cannot change your own role or organisation, or disable yourself."
        ),
        .errorAccountSelfPassword: (
            "自己的密码请在“我的账号”中凭当前密码修改。",
            "Change your own password under My account, with your current password."
        ),
        .errorShareSelfOnly: (
            "居民和党员账号只能看到本人信息，不能共享组织范围。",
            """
            Resident and party-member accounts see only their own record; nothing can be shared with them.
            """
        ),
        .errorShareNone: ("该账号没有共享这个组织。", "This organisation is not shared with the account."),
    ])
}
