/// The words for the accounts' enums, in the reader's language.
extension Texts {
    func label(_ role: User.Role) -> String {
        switch role {
        case .admin: self[.roleAdmin]
        case .editor: self[.roleEditor]
        case .reader: self[.roleReader]
        case .association: self[.roleAssociation]
        }
    }

    /// What a sign-in throttle applies to: `account` or `address`.
    func throttleKind(_ kind: String) -> String {
        kind == "account" ? self[.throttleAccount] : self[.throttleAddress]
    }
}
