/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Literal text, as UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped for HTML when the template is HTML) or `{{{name}}}` / `{{&name}}` (never escaped).
    case value(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`
    case section(TemplatePath, [TemplateNode])
    /// `{{^name}}…{{/name}}`
    case inverted(TemplatePath, [TemplateNode])
}

/// A name as written in a tag: `.` (the innermost value), `name`, or a dotted `a.b`. The first name is looked
/// for from the innermost scope outwards, unless the path starts with a dot (then only the innermost).
struct TemplatePath: Sendable, Equatable {
    let keys: [TemplateKey]
    let innermostOnly: Bool

}
