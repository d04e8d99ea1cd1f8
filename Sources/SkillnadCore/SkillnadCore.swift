public enum SkillnadCore {}
