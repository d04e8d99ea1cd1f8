/// A key of the accounts' texts: signing in, tokens, the administration of accounts; each has its text in Swedish and English (see `TextKey`).
enum AccountText: String, TextKey {
    case password
    case loginFailed
    case loginThrottled
    case account
    case editorFor
    case adminUsers
    case changePassword
    case currentPassword
    case newPassword
    case confirmPassword
    case passwordWrong
    case passwordShort
    case passwordMismatch
    case passwordChanged
    case tokens
    case tokensIntro
    case tokenShownOnce
    case tokenPrefix
    case tokenScope
    case tokenExpires
    case tokenDays
    case tokenDaysRange
    case state
    case revoke
    case tokenRevoked
    case tokenExpired
    case tokenActive
    case scopeRead
    case scopeReadWrite
    case createToken
    case roleAdmin = "role.admin"
    case addUser
    case activeUser
    case disabledUser
    case resetPassword
    case emailInvalid
    case emailTaken
    case userCreated
    case userSaved
    case userConflict
    case notYourself
    case passwordReset
    case roleEditor = "role.editor"
    case roleReader = "role.reader"
    case roleAssociation = "role.association"
    case loginTooLong
    case passwordLong
    case passwordChangedSessions
    case passwordChangedTokens
    case revokeTokensToo
    case throttles
    case throttlesIntro
    case noThrottles
    case throttleKind
    case throttleWho
    case throttleFailures
    case throttleClear
    case throttleAccount = "throttle.account"
    case throttleAddress = "throttle.address"
    case throttleRefused
    case throttleDelayed
    case throttleCleared
    case throttleBad
    case signInWithOIDC
    case signInWithSAML
    case signInOr
    case passwordsForAssociations
    case localPasswordsOff
    case signInLapsed
    case signInProviderRefused
    case signInProviderUnavailable
    case signInInvalid
    case signInNoAccount
    case signInNoGroup

    var text: (sv: String, en: String) {
        switch self {
        case .password: ("Lösenord", "Password")
        case .loginFailed:
            (
                "Fel e-post eller lösenord, eller så är kontot avstängt.",
                "Wrong e-mail or password, or the account is disabled."
            )
        case .loginThrottled:
            (
                "För många misslyckade inloggningar. Försök igen om %1 minuter.",
                "Too many failed sign-ins. Try again in %1 minutes."
            )
        case .account: ("Mitt konto", "My account")
        case .editorFor: ("Redaktör för", "Editor for")
        case .adminUsers: ("Användare", "Users")
        case .changePassword: ("Byt lösenord", "Change password")
        case .currentPassword: ("Nuvarande lösenord", "Current password")
        case .newPassword: ("Nytt lösenord", "New password")
        case .confirmPassword: ("Nytt lösenord igen", "New password again")
        case .passwordWrong: ("Lösenordet stämmer inte.", "The password is not correct.")
        case .passwordShort:
            (
                "Lösenordet måste ha minst %1 tecken.",
                "The password must have at least %1 characters."
            )
        case .passwordMismatch: ("Lösenorden är inte lika.", "The passwords differ.")
        case .passwordChanged: ("Lösenordet är bytt.", "The password has been changed.")
        case .tokens: ("API-nycklar", "API tokens")
        case .tokensIntro:
            (
                "En API-nyckel låter ett program läsa eller skriva i Skillnad i ditt namn. Den visas bara en gång.",
                "An API token lets a program read or write in Skillnad on your behalf. It is shown only once."
            )
        case .tokenShownOnce:
            (
                "Din nya nyckel visas bara nu. Kopiera den och förvara den säkert:",
                "Your new token is shown only now. Copy it and keep it safe:"
            )
        case .tokenPrefix: ("Början", "Starts with")
        case .tokenScope: ("Behörighet", "Scope")
        case .tokenExpires: ("Giltig till", "Expires")
        case .tokenDays: ("Giltig antal dagar", "Valid for days")
        case .tokenDaysRange: ("Ange 1–366 dagar.", "Enter 1–366 days.")
        case .state: ("Status", "State")
        case .revoke: ("Återkalla", "Revoke")
        case .tokenRevoked: ("återkallad", "revoked")
        case .tokenExpired: ("utgången", "expired")
        case .tokenActive: ("giltig", "active")
        case .scopeRead: ("läsa", "read")
        case .scopeReadWrite: ("läsa och skriva", "read and write")
        case .createToken: ("Skapa nyckel", "Create token")
        case .roleAdmin: ("administratör", "administrator")
        case .addUser: ("Lägg till användare", "Add user")
        case .activeUser: ("aktiv", "active")
        case .disabledUser: ("avstängd", "disabled")
        case .resetPassword: ("Sätt nytt lösenord", "Reset password")
        case .emailInvalid: ("Ange en e-postadress.", "Enter an e-mail address.")
        case .emailTaken:
            (
                "Det finns redan en användare med den adressen.",
                "There is already a user with that address."
            )
        case .userCreated: ("Användaren %1 är skapad.", "The user %1 has been created.")
        case .userSaved: ("Ändringarna för %1 är sparade.", "The changes to %1 have been saved.")
        case .userConflict:
            (
                "%1 har ändrats av någon annan medan du redigerade. Se de nya uppgifterna och gör om ändringen.",
                "%1 was changed by someone else while you edited. See the new details and make the change again."
            )
        case .notYourself:
            (
                "Du kan inte ta bort din egen administratörsroll eller stänga av dig själv.",
                "You cannot remove your own administrator role or disable yourself."
            )
        case .passwordReset:
            (
                "Lösenordet för %1 är bytt och användarens inloggningar är avslutade.",
                "The password of %1 has been reset and the user's sessions ended."
            )
        case .roleEditor: ("redaktör", "editor")
        case .roleReader: ("läsare", "reader")
        case .roleAssociation: ("föreningsadministratör", "association administrator")
        case .loginTooLong:
            (
                "E-postadressen eller lösenordet är för långt.",
                "The e-mail address or the password is too long."
            )
        case .passwordLong: ("Lösenordet får vara högst %1 tecken.", "The password may be at most %1 characters.")
        case .passwordChangedSessions:
            (
                "Dina andra inloggningar är avslutade.",
                "Your other sessions have been ended."
            )
        case .passwordChangedTokens:
            (
                "Dina andra inloggningar är avslutade och dina API-nycklar återkallade.",
                "Your other sessions have been ended and your API tokens revoked."
            )
        case .revokeTokensToo: ("Återkalla också alla mina API-nycklar", "Also revoke all my API tokens")
        case .throttles: ("Inloggningsspärrar", "Sign-in throttles")
        case .throttlesIntro:
            (
                "Konton och adresser med misslyckade inloggningar de senaste 15 minuterna. Ett konto spärras bara från den adress där felen gjordes; andra försök fördröjs några sekunder. Häv en spärr om en kollega har låsts ute.",
                "Accounts and addresses with failed sign-ins in the last 15 minutes. An account is refused only from the address where the failures were made; other attempts are delayed by a few seconds. Clear a throttle when a colleague has been locked out."
            )
        case .noThrottles:
            (
                "Inga misslyckade inloggningar de senaste 15 minuterna.",
                "No failed sign-ins in the last 15 minutes."
            )
        case .throttleKind: ("Typ", "Kind")
        case .throttleWho: ("Konto eller adress", "Account or address")
        case .throttleFailures: ("Misslyckade", "Failures")
        case .throttleClear: ("Häv", "Clear")
        case .throttleAccount: ("konto", "account")
        case .throttleAddress: ("adress", "address")
        case .throttleRefused: ("spärrat från en adress", "refused from one address")
        case .throttleDelayed: ("fördröjs", "delayed")
        case .throttleCleared: ("Spärren för %1 är hävd.", "The throttle of %1 has been cleared.")
        case .throttleBad: ("Ange ett konto eller en adress att häva.", "Name an account or an address to clear.")
        case .signInWithOIDC: ("Logga in med kommunens konto", "Sign in with the municipality's account")
        case .signInWithSAML: ("Logga in med e-legitimation", "Sign in with an e-ID")
        case .signInOr: ("Eller logga in med lösenord", "Or sign in with a password")
        case .passwordsForAssociations:
            ("Föreningsadministratörer loggar in med lösenord", "Association administrators sign in with a password")
        case .localPasswordsOff:
            (
                "Kommunens medarbetare loggar in med kommunens konto, inte med lösenord.",
                "The municipality's staff sign in with the municipality's account, not a password."
            )
        case .signInLapsed:
            (
                "Inloggningen gick inte att slutföra: den har redan använts, tog för lång tid eller började i en "
                    + "annan webbläsare. Försök igen.",
                "The sign-in could not be finished: it was already used, took too long or began in another "
                    + "browser. Try again."
            )
        case .signInProviderRefused:
            (
                "Inloggningstjänsten godkände inte inloggningen. Försök igen.",
                "The sign-in service did not accept the sign-in. Try again."
            )
        case .signInProviderUnavailable:
            (
                "Inloggningstjänsten svarar inte just nu. Försök igen om en stund.",
                "The sign-in service does not answer just now. Try again in a while."
            )
        case .signInInvalid:
            (
                "Svaret från inloggningstjänsten kunde inte godtas, så ingen loggades in.",
                "The answer from the sign-in service could not be accepted, so nobody was signed in."
            )
        case .signInNoAccount:
            (
                "Du har inget konto i Skillnad. Be en administratör att lägga upp ett.",
                "You have no account in Skillnad. Ask an administrator to add one."
            )
        case .signInNoGroup:
            (
                "Ingen av dina grupper ger behörighet i Skillnad. Be kommunens IT om rätt grupp.",
                "None of your groups gives access to Skillnad. Ask the municipality's IT for the right group."
            )
        }
    }
}

extension Texts {
    subscript(_ key: AccountText) -> String { self[typed: key] }
}
