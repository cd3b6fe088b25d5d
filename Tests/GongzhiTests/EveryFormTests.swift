import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Gongzhi

/// Every page form of every capability, as a person meets it: pages are reached from each role's home (two links
/// deep), every post form on them is filled as a person would, one field given a bad value, and sent. The answer is
/// a 4xx, never a saved change, and every other value typed comes back in the form (one mechanism: `FormChange`).
@Suite("Every page form keeps what was typed")
struct EveryFormTests {
    struct Field {
        var name: String
        var type: String
        var value: String
        var required: Bool
        var options: [String]
        var checked: Bool
    }

    struct Form {
        var action: String
        var fields: [Field]
        var multipart: Bool
    }

    /// Post forms with nothing typed to keep: a button alone (sign out, the language, mark read, a new calendar
    /// address, a digest, withdraw, archive) or a logged read that answers with the page (unmask).
    static let ownForms: Set<String> = [
        "logout", "lang/:code", "notifications/read", "notifications/digest", "meetings/feed",
        "lists/resources/:id/withdraw", "people/:id/archive", "people/:id/unmask",
    ]

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else {
            return tag.range(of: " \(name)[ >]", options: .regularExpression) != nil ? "" : nil
        }
        let rest = tag[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"") }
    }

    static func forms(in html: String) -> [Form] {
        var out: [Form] = []
        var rest = html[...]
        while let start = rest.range(of: "<form"), let end = rest[start.upperBound...].range(of: "</form>") {
            let whole = String(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
            let open = String(whole[..<(whole.firstIndex(of: ">") ?? whole.endIndex)])
            guard attribute("method", in: open)?.lowercased() == "post", let action = attribute("action", in: open)
            else { continue }
            var fields: [Field] = []
            for m in whole.matches(of: /<input[^>]*>/) {
                let tag = String(m.output)
                guard let name = attribute("name", in: tag) else { continue }
                fields.append(
                    Field(
                        name: name, type: attribute("type", in: tag) ?? "text",
                        value: attribute("value", in: tag) ?? "",
                        required: attribute("required", in: tag) != nil, options: [],
                        checked: attribute("checked", in: tag) != nil))
            }
            for m in whole.matches(of: /<textarea[^>]*>([^<]*)<\/textarea>/) {
                let tag = String(m.output.0)
                guard let name = attribute("name", in: tag) else { continue }
                fields.append(
                    Field(
                        name: name, type: "textarea", value: String(m.output.1),
                        required: attribute("required", in: tag) != nil, options: [], checked: false))
            }
            for m in whole.matches(of: /<select[^>]*>(.*?)<\/select>/.dotMatchesNewlines()) {
                let tag = String(m.output.0)
                guard let name = attribute("name", in: tag) else { continue }
                let options = String(m.output.1).matches(of: /<option[^>]*value="([^"]*)"/).map { String($0.output.1) }
                fields.append(
                    Field(
                        name: name, type: "select", value: options.first { !$0.isEmpty } ?? "",
                        required: attribute("required", in: tag) != nil, options: options, checked: false))
            }
            out.append(Form(action: action, fields: fields, multipart: open.contains("multipart")))
        }
        return out
    }

    /// The registered route an action posts to, as its pattern ("/agreements/:id/commitments").
    static func pattern(_ path: String, _ routes: [Vapor.Route]) -> Vapor.Route? {
        let parts = path.split(separator: "?")[0].split(separator: "/").map(String.init)
        return routes.first { r in
            guard r.method == .POST, r.path.count == parts.count else { return false }
            return zip(r.path, parts).allSatisfy { c, p in
                if case .constant(let s) = c { return s == p }
                return true
            }
        }
    }

    @Test(arguments: ["secretary", "admin", "worker", "resident", "member", "unit"])
    func aRefusedFormComesBackWithWhatWasTyped(_ username: String) async throws {
        try await withTestApp { app in
            let client = try await Client.page(app, as: username)
            let routes = app.routes.all
            // Pages two links deep from home, one of each address shape.
            var seen = Set<String>()
            var shapes = Set<String>()
            var pages: [String] = []
            var queue = ["/"]
            while let url = queue.first, pages.count < 120 {
                queue.removeFirst()
                guard seen.insert(url).inserted else { continue }
                let res = try await client.get(url)
                guard res.status == .ok, res.headers.contentType?.subType == "html" else { continue }
                pages.append(url)
                let html = res.body.string
                for m in html.matches(of: /href="(\/[^"#]*)"/) {
                    let link = String(m.output.1).replacingOccurrences(of: "&amp;", with: "&")
                    let shape = link.split(separator: "?")[0].replacing(/\d+/, with: "N")
                    if link.hasSuffix(".csv") || link.hasSuffix(".ics") || link.contains("/photos/")
                        || link.contains("logout") || link.hasPrefix("/api/") || link.contains("export")
                    {
                        continue
                    }
                    if shapes.insert(String(shape)).inserted { queue.append(link) }
                }
            }
            var tried = Set<String>()
            var others = Set<String>()
            var checked = 0
            for page in pages {
                let html = try await client.get(page).body.string
                for form in Self.forms(in: html) where !form.multipart {
                    guard let route = Self.pattern(form.action, routes) else { continue }
                    let key = route.path.map(\.description).joined(separator: "/")
                    guard route.userInfo[FormRoute.key] as? Bool == true else {
                        if !Self.ownForms.contains(key) { others.insert(key) }
                        continue
                    }
                    guard tried.insert(key).inserted else { continue }
                    // The bad value: an impossible day, a number that is not one, a required field left empty.
                    let visible = form.fields.filter {
                        !["hidden", "submit", "button", "checkbox", "radio"].contains($0.type)
                    }
                    let bad =
                        visible.firstIndex { $0.type == "date" } ?? visible.firstIndex { $0.type == "number" }
                        ?? visible.firstIndex { $0.required && ["text", "textarea"].contains($0.type) }
                    guard let bad else { continue }
                    var sent: [(String, String)] = []
                    var markers: [String] = []
                    for f in form.fields {
                        if f.type == "checkbox" || f.type == "radio" {
                            if f.checked { sent.append((f.name, f.value)) }
                            continue
                        }
                        if ["submit", "button"].contains(f.type) { continue }
                        var value = f.value
                        if f.name == visible[bad].name {
                            value = f.type == "date" ? "2026-02-31" : f.type == "number" ? "abc" : ""
                        } else if ["text", "textarea", "search", ""].contains(f.type) && !["code"].contains(f.name) {
                            value = "回填\(markers.count)"
                            markers.append(value)
                        } else if value.isEmpty {
                            switch f.type {
                            case "date": value = app.clock.today.description
                            case "time": value = "09:00"
                            case "number": value = "1"
                            case "datetime-local": value = VolunteeringFacts.inputValue(app.clock.now)
                            default: break
                            }
                        }
                        sent.append((f.name, value))
                    }
                    let res = try await client.post(form.action, sent, csrf: false)
                    #expect(
                        (400..<500).contains(Int(res.status.code)),
                        "\(username) \(form.action) (\(visible[bad].name) bad) answered \(res.status)")
                    let body = res.body.string
                    if res.status == .unprocessableEntity || res.status == .conflict {
                        for m in markers {
                            #expect(body.contains(m), "\(username) \(form.action): \(m) did not come back")
                        }
                    }
                    checked += 1
                }
            }
            #expect(others.isEmpty, "\(username): forms not answered through FormChange: \(others.sorted())")
            #expect(checked > 0, "\(username): no form was tried on \(pages.count) pages")
        }
    }
}
