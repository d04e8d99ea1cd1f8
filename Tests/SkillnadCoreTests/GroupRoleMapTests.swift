import SkillnadCore
import Testing

@Suite("The table from the identity provider's groups to roles")
struct GroupRoleMapTests {
    let table = """
        # group;role;bodies
        Skillnad-Admin;admin;
        Skillnad-Skarpnack ; editor ; skarpnacks-stadsdelsnamnd
        Skillnad-Rinkeby;editor;rinkeby-kista-stadsdelsnamnd, spanga-tensta-stadsdelsnamnd

        Skillnad-Read;reader;
        """

    @Test("The strongest role of a person's groups, and every body of every group")
    func strongestRole() throws {
        let map = try GroupRoleMap.read(table)
        #expect(map.entries.count == 4)
        #expect(map.grant(for: ["Skillnad-Read"]) == .init(role: .reader, bodies: []))
        #expect(
            map.grant(for: ["Skillnad-Read", "Skillnad-Skarpnack", "Skillnad-Rinkeby", "Other"])
                == .init(
                    role: .editor,
                    bodies: [
                        "rinkeby-kista-stadsdelsnamnd", "skarpnacks-stadsdelsnamnd", "spanga-tensta-stadsdelsnamnd",
                    ]))
        #expect(map.grant(for: ["Skillnad-Admin", "Skillnad-Read"])?.role == .admin)
        #expect(map.grant(for: ["Everyone"]) == nil)
        #expect(map.grant(for: []) == nil)
    }

    @Test("Every bad line is named by its number at once")
    func problemsByLine() {
        let bad = "Skillnad-Admin;boss;\nonly-two;admin\n;reader;\nSkillnad-Ed;editor;\nSkillnad-Admin;admin;\nX;admin;"
        #expect(throws: GroupRoleMap.Problems.self) { try GroupRoleMap.read(bad) }
        do {
            _ = try GroupRoleMap.read(bad + "\nX;reader;")
        } catch {
            #expect(error.problems.map(\.line) == [1, 2, 3, 4, 7])
            #expect(error.problems[0].description == "line 1: role 'boss' is not one of reader, editor, admin")
            #expect(error.problems[4].message == "group 'X' is already on line 6")
        }
    }
}

@Suite("Personal identity numbers from an identity provider")
struct PersonalIdentityNumberTests {
    @Test("Twelve digits with a right check digit, and nothing else")
    func twelveDigits() {
        #expect(PersonalIdentityNumber.normalised("198112189876") == "198112189876")
        #expect(PersonalIdentityNumber.normalised("19811218-9876") == "198112189876")
        #expect(PersonalIdentityNumber.normalised("198112189875") == nil)
        #expect(PersonalIdentityNumber.normalised("8112189876") == nil)
        #expect(PersonalIdentityNumber.normalised("-") == nil)
        #expect(PersonalIdentityNumber.normalised("") == nil)
        #expect(PersonalIdentityNumber.normalised("١٩٨١١٢١٨٩٨٧٦") == nil)
    }
}
