/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let entitySignUp = Text("entity.sign_up")
    static let signUpTitle = Text("signup.title")
    static let signUpHint = Text("signup.hint")
    static let signUpPhone = Text("signup.phone")
    static let signUpName = Text("signup.name")
    static let signUpCommunity = Text("signup.community")
    static let signUpSend = Text("signup.send")
    static let signUpSent = Text("signup.sent")
    static let signUpCode = Text("signup.code")
    static let signUpConfirm = Text("signup.confirm")
    static let signUpLink = Text("signup.link")
    static let signUpPublic = Text("signup.public")
    static let flashSignedUp = Text("flash.signedUp")
    static let errorSignUpName = Text("error.signup.name")
    static let errorSignUpCommunity = Text("error.signup.community")
    static let errorSignUpCode = Text("error.signup.code")
    static let errorSignUpTooMany = Text("error.signup.tooMany")
    static let errorSignUpNoGateway = Text("error.signup.noGateway")
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
        .entitySignUp: ("自助注册", "Sign-up"),
        .signUpTitle: ("手机号注册", "Sign up with a mobile number"),
        .signUpHint: (
            "填写手机号、姓名、社区和密码，将收到 6 位验证码（10 分钟有效）。",
            "Give your number, name, community and a password; we text a 6-digit code (valid 10 minutes)."
        ),
        .signUpPhone: ("手机号", "Mobile number"),
        .signUpName: ("姓名", "Name"),
        .signUpCommunity: ("所在社区", "Community"),
        .signUpSend: ("获取验证码", "Send the code"),
        .signUpSent: (
            "如该手机号可以注册，验证码已发送，请在 10 分钟内输入。",
            "If this number can sign up, a code has been sent to it; enter it within 10 minutes."
        ),
        .signUpCode: ("验证码", "Code"),
        .signUpConfirm: ("完成注册", "Finish signing up"),
        .signUpLink: ("没有账号？用手机号注册", "No account? Sign up with your mobile number"),
        .signUpPublic: (
            "不登录，查看社区公开信息",
            "See your community's public information without signing in"
        ),
        .flashSignedUp: (
            "注册成功，请用手机号和密码登录。",
            "Signed up: sign in with your number and password."
        ),
        .errorSignUpName: ("请填写姓名（不超过 50 字）。", "Give your name (at most 50 characters)."),
        .errorSignUpCommunity: ("请选择所在社区。", "Choose your community."),
        .errorSignUpCode: (
            "验证码不正确或已过期，请核对或重新获取。",
            "The code is wrong or has expired."
        ),
        .errorSignUpTooMany: (
            "获取验证码过于频繁，请一小时后再试。",
            "Too many codes; try again in an hour."
        ),
        .errorSignUpNoGateway: (
            "本区未接入短信网关，暂不能自助注册，请联系社区。",
            "No SMS gateway yet: ask your community for an account."
        ),
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
