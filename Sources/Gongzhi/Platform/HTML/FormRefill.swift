import Foundation

/// A refused form comes back as it was sent: every field the browser posted is filled in again (hidden links
/// included), checkboxes, radios and selects as they were chosen, and each problem stands beside its field.
/// `FormChange` applies it to the page a refused change renders, so no capability's view has to carry the typed
/// values itself. It reads the server's own markup: attribute values quoted and escaped by `HTML.escape`.
enum FormRefill {
    /// `html` with the post forms whose action is `action` (a path; a form without an action posts to its page)
    /// refilled from `sent` (name, value pairs in the order posted). `problems`: field → message, shown beside the
    /// field, or at the top of the form for a field the form does not show. Fields named in `keep` (the CSRF
    /// token) and passwords keep what the page printed.
    static func apply(
        _ html: String, action: String, sent: [(String, String)], problems: [String: String],
        keep: Set<String> = []
    ) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        var refilled = false
        while let start = rest.range(of: "<form") {
            out += rest[..<start.lowerBound]
            guard let tag = Tag(rest[start.lowerBound...]),
                let close = rest.range(of: "</form>", range: tag.end..<rest.endIndex)
            else {
                rest = rest[start.lowerBound...]
                break
            }
            let body = rest[tag.end..<close.lowerBound]
            if !refilled, tag.posts(to: action), Self.agrees(body, with: sent, keep: keep) {
                refilled = true
                var form = Form(sent: sent, problems: problems, keep: keep, page: html)
                out += tag.text
                out += form.refill(body)
                out += form.leftovers()
            } else {
                out += rest[start.lowerBound..<close.lowerBound]
            }
            out += "</form>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// Whether this form is the one that was sent: every hidden field it prints with a value was sent with that
    /// value. Several forms of a page post to one path, told apart by a hidden field (a project's state buttons, a
    /// meeting's check-in rows): the others are left as printed.
    static func agrees(_ body: Substring, with sent: [(String, String)], keep: Set<String>) -> Bool {
        var rest = body
        while let lt = rest.range(of: "<input") {
            guard let tag = Tag(rest[lt.lowerBound...]) else { return true }
            rest = rest[tag.end...]
            guard (tag["type"] ?? "").lowercased() == "hidden", let name = tag["name"], !keep.contains(name),
                let printed = tag["value"], !printed.isEmpty
            else { continue }
            let values = sent.filter { $0.0 == name }.map(\.1)
            if !values.contains(printed) { return false }
        }
        return true
    }

    /// The pairs of an `application/x-www-form-urlencoded` body, in order.
    static func pairs(urlEncoded body: String) -> [(String, String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring?) -> String {
                let plus = (s ?? "").replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            return (decode(kv.first), decode(kv.count > 1 ? kv[1] : nil))
        }
    }

    /// One form's refill: what was sent, consumed field by field.
    private struct Form {
        var queued: [String: [String]] = [:]
        let chosen: [String: Set<String>]
        let problems: [String: String]
        let keep: Set<String>
        let page: String
        var shown = Set<String>()
        var placed = Set<String>()
        var selectName: String?

        init(sent: [(String, String)], problems: [String: String], keep: Set<String>, page: String) {
            var chosen: [String: Set<String>] = [:]
            for (name, value) in sent {
                queued[name, default: []].append(value)
                chosen[name, default: []].insert(value)
            }
            self.chosen = chosen
            self.problems = problems
            self.keep = keep
            self.page = page
        }

        mutating func refill(_ body: Substring) -> String {
            var out = ""
            var rest = body
            while let lt = rest.firstIndex(of: "<") {
                out += rest[..<lt]
                guard let tag = Tag(rest[lt...]) else {
                    out += rest[lt...]
                    return out
                }
                rest = rest[tag.end...]
                switch tag.name {
                case "input": out += input(tag)
                case "textarea" where !tag.closing:
                    let close = rest.range(of: "</textarea>")
                    let content = close.map { rest[..<$0.lowerBound] } ?? ""
                    rest = close.map { rest[$0.upperBound...] } ?? rest
                    out += textarea(tag, content: content)
                case "select" where !tag.closing:
                    selectName = tag["name"]
                    out += mark(tag, visible: true).text
                case "select":
                    out += tag.text
                    if let name = selectName { out += problemText(name) }
                    selectName = nil
                case "option" where !tag.closing: out += option(tag)
                default: out += tag.text
                }
            }
            out += rest
            return out
        }

        private mutating func input(_ tag: Tag) -> String {
            guard let name = tag["name"] else { return tag.text }
            let type = (tag["type"] ?? "text").lowercased()
            if ["submit", "button", "image", "reset", "file"].contains(type) { return tag.text }
            var t = tag
            shown.insert(name)
            let visible = type != "hidden"
            if keep.contains(name) || type == "password" {
                return mark(t, visible: visible).text + (visible ? problemText(name) : "")
            }
            switch type {
            case "checkbox", "radio":
                t.set("checked", chosen[name]?.contains(t["value"] ?? "on") == true)
            case "hidden" where !(t["value"] ?? "").isEmpty:
                // What the page printed says which record the form is for: it stays (`agrees` checked it).
                if var values = queued[name], let i = values.firstIndex(of: t["value"] ?? "") {
                    values.remove(at: i)
                    queued[name] = values
                }
            default:
                if var values = queued[name], !values.isEmpty {
                    t["value"] = values.removeFirst()
                    queued[name] = values
                }
            }
            return mark(t, visible: visible).text + (visible ? problemText(name) : "")
        }

        private mutating func textarea(_ tag: Tag, content: Substring) -> String {
            guard let name = tag["name"] else { return tag.text + content + "</textarea>" }
            shown.insert(name)
            var text = String(content)
            if var values = queued[name], !values.isEmpty {
                text = HTML.escape(values.removeFirst())
                queued[name] = values
            }
            return mark(tag, visible: true).text + text + "</textarea>" + problemText(name)
        }

        private mutating func option(_ tag: Tag) -> String {
            guard let name = selectName, let picked = chosen[name] else { return tag.text }
            shown.insert(name)
            var t = tag
            t.set("selected", picked.contains(t["value"] ?? ""))
            return t.text
        }

        /// The field marked as invalid and tied to its message, when it has a problem.
        private mutating func mark(_ tag: Tag, visible: Bool) -> Tag {
            guard let name = tag["name"], visible, problems[name] != nil, !placed.contains(name) else { return tag }
            var t = tag
            t["aria-invalid"] = "true"
            t["aria-describedby"] = problemID(name)
            return t
        }

        private func problemID(_ name: String) -> String { "problem-" + name }

        private mutating func problemText(_ name: String) -> String {
            guard let message = problems[name], !placed.contains(name) else { return "" }
            placed.insert(name)
            // The view placed it already.
            if page.contains("id=\"\(problemID(name))\"") { return "" }
            return "<span class=\"field-error\" id=\"\(HTML.escape(problemID(name)))\">\(HTML.escape(message))</span>"
        }

        /// What was sent but has no field in the form (a link the page prints only when opened from a list) goes
        /// back as hidden fields; problems of fields nobody sees are listed.
        func leftovers() -> String {
            var out = ""
            for (name, values) in queued.sorted(by: { $0.key < $1.key }) where !shown.contains(name) {
                if keep.contains(name) || name.lowercased().contains("password") { continue }
                for value in values {
                    out += "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">"
                }
            }
            let unplaced = problems.keys.filter { !placed.contains($0) }.sorted()
            if !unplaced.isEmpty {
                out += "<ul class=\"flash error form-problems\">"
                for name in unplaced { out += "<li>\(HTML.escape(problems[name] ?? ""))</li>" }
                out += "</ul>"
            }
            return out
        }
    }

    /// A start or end tag of the server's own markup, with its attributes in order.
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String?)]
        var selfClosing: Bool
        /// An end tag (`</select>`).
        var closing = false
        /// Where the tag ends in the text it was read from.
        let end: Substring.Index
        /// The tag as written, printed again unless an attribute changed.
        let raw: Substring
        var changed = false

        /// Reads the tag at the start of `text` (which starts with `<`); nil when it does not close.
        init?(_ text: Substring) {
            var i = text.index(after: text.startIndex)
            var name = ""
            closing = text[i...].first == "/"
            if closing { i = text.index(after: i) }
            while i < text.endIndex, !" \t\n\r/>".contains(text[i]) {
                name.append(text[i])
                i = text.index(after: i)
            }
            var attributes: [(String, String?)] = []
            var selfClosing = false
            while i < text.endIndex {
                let c = text[i]
                if c == ">" {
                    self.name = name.lowercased()
                    self.attributes = attributes
                    self.selfClosing = selfClosing
                    end = text.index(after: i)
                    raw = text[..<end]
                    return
                }
                if " \t\n\r".contains(c) {
                    i = text.index(after: i)
                    continue
                }
                if c == "/" {
                    selfClosing = true
                    i = text.index(after: i)
                    continue
                }
                var attr = ""
                while i < text.endIndex, !" \t\n\r=/>".contains(text[i]) {
                    attr.append(text[i])
                    i = text.index(after: i)
                }
                var value: String?
                if i < text.endIndex, text[i] == "=" {
                    i = text.index(after: i)
                    if i < text.endIndex, text[i] == "\"" || text[i] == "'" {
                        let quote = text[i]
                        i = text.index(after: i)
                        guard let close = text[i...].firstIndex(of: quote) else { return nil }
                        value = String(text[i..<close]).replacingOccurrences(of: "\"", with: "&quot;")
                        i = text.index(after: close)
                    } else {
                        var v = ""
                        while i < text.endIndex, !" \t\n\r>".contains(text[i]) {
                            v.append(text[i])
                            i = text.index(after: i)
                        }
                        value = v
                    }
                }
                if attr.isEmpty { return nil }
                attributes.append((attr, value))
                selfClosing = false
            }
            return nil
        }

        /// The attribute's value as written (escaped), nil when absent.
        subscript(_ key: String) -> String? {
            get { attributes.first { $0.name.lowercased() == key }?.value.map(HTML.unescape) }
            set {
                changed = true
                let escaped = newValue.map(HTML.escape)
                if let i = attributes.firstIndex(where: { $0.name.lowercased() == key }) {
                    attributes[i].value = escaped
                } else {
                    attributes.append((key, escaped))
                }
            }
        }

        /// Sets or removes a boolean attribute (`checked`, `selected`).
        mutating func set(_ key: String, _ on: Bool) {
            changed = true
            attributes.removeAll { $0.name.lowercased() == key }
            if on { attributes.append((key, nil)) }
        }

        /// A post form whose action is `path`, or which has none (it posts to the page it is on).
        func posts(to path: String) -> Bool {
            guard name == "form", (self["method"] ?? "get").lowercased() == "post" else { return false }
            guard let action = self["action"], !action.isEmpty else { return true }
            return action.split(separator: "?", maxSplits: 1).first.map(String.init) == path
        }

        var text: String {
            guard changed else { return String(raw) }
            var s = "<" + name
            for a in attributes {
                s += " " + a.name
                if let v = a.value { s += "=\"" + v + "\"" }
            }
            return s + (selfClosing ? " />" : ">")
        }
    }
}

extension HTML {
    /// The text of an escaped attribute value.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
