import Foundation

/// A JSON value: the API document and its schemas are built from these and printed with sorted keys, so the
/// same code always prints the same file.
indirect enum JSON: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    subscript(key: String) -> JSON? {
        get {
            if case .object(let o) = self { return o[key] }
            return nil
        }
        set {
            if case .object(var o) = self {
                o[key] = newValue
                self = .object(o)
            }
        }
    }

    /// Pretty-printed with sorted keys, slashes unescaped, ending with a newline.
    var printed: String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! e.encode(self), as: UTF8.self) + "\n"
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(Dictionary(elements) { _, last in last })
    }
}

/// Schema shorthands for the capabilities' API documents.
extension JSON {
    static let integer: JSON = ["type": "integer"]
    static let number: JSON = ["type": "number"]
    static let boolean: JSON = ["type": "boolean"]
    static let text: JSON = ["type": "string"]
    static let date: JSON = ["type": "string", "format": "date"]
    static let dateTime: JSON = ["type": "string", "format": "date-time"]
    static let binary: JSON = ["type": "string", "format": "binary"]
    static let anyObject: JSON = ["type": "object"]

    static func integer(min: Int, max: Int? = nil) -> JSON {
        var s: JSON = ["type": "integer", "minimum": .int(min)]
        if let max { s["maximum"] = .int(max) }
        return s
    }
    static func number(min: Double, max: Double) -> JSON {
        ["type": "number", "minimum": .double(min), "maximum": .double(max)]
    }
    static func strings(_ values: [String]) -> JSON {
        ["type": "string", "enum": .array(values.map(JSON.string))]
    }
    static func arrayOf(_ items: JSON) -> JSON { ["type": "array", "items": items] }
    static func ref(_ name: String) -> JSON { ["$ref": .string("#/components/schemas/\(name)")] }

    /// The schema that also allows null: `type: [t, "null"]` (and `null` among the enum values) where it can,
    /// else `oneOf` with null.
    var orNull: JSON {
        if case .object(var o) = self, o["$ref"] == nil, case .string(let type)? = o["type"] {
            o["type"] = [.string(type), "null"]
            if case .array(let values)? = o["enum"] { o["enum"] = .array(values + [.null]) }
            return .object(o)
        }
        return ["oneOf": [self, ["type": "null"]]]
    }
}

/// A type whose values are a fixed list of strings; the API document lists `allCases`.
protocol APIEnum: CaseIterable, RawRepresentable, Decodable where RawValue == String {}

extension APIEnum {
    static var apiSchema: JSON { .strings(allCases.map(\.rawValue)) }
    static var apiPlaceholder: Any { allCases.first! }
}

/// A type the recorder cannot read (a hand-written `init(from:)`/`encode(to:)`): its schema is written next to it.
protocol APIExplicitSchema: Decodable {
    static var apiSchema: JSON { get }
    static var apiPlaceholder: Self { get }
}

/// Notes for a type's fields in the document (keyed by the Swift property name): a description, a limit; and the
/// optional fields the server requires all the same (an input decoded leniently and checked field by field).
protocol APIFieldNotes {
    static var apiFieldNotes: [String: JSON] { get }
    static var apiRequired: [String] { get }
}

extension APIFieldNotes {
    static var apiRequired: [String] { [] }
}

/// `[String: V]`: an object whose values all have V's schema.
protocol APIStringKeyedDictionary {
    static func valueSchema(_ recorder: APISchemaRecorder) throws -> JSON
    static var empty: Any { get }
}

extension Dictionary: APIStringKeyedDictionary where Key == String, Value: Decodable {
    static func valueSchema(_ recorder: APISchemaRecorder) throws -> JSON { try recorder.schema(Value.self) }
    static var empty: Any { [String: Value]() }
}

/// `V?` outside a keyed container (an array's element): V's schema or null.
protocol APIOptional {
    static func wrappedSchema(_ recorder: APISchemaRecorder) throws -> JSON
    static var apiNone: Any { get }
}

extension Optional: APIOptional where Wrapped: Decodable {
    static func wrappedSchema(_ recorder: APISchemaRecorder) throws -> JSON { try recorder.schema(Wrapped.self) }
    static var apiNone: Any { Wrapped?.none as Any }
}

/// Derives JSON schemas from `Decodable` types by decoding each once with placeholder values through a decoder
/// that records what was asked for: each key, its type, and whether it went through `decodeIfPresent` (then it
/// is optional: not required, and null in an answer). Object types become component schemas named after the
/// Swift type, so what the document says cannot drift from what the code encodes. Types that the server both
/// encodes and decodes with the synthesised `Codable` are read exactly; others declare `APIExplicitSchema`.
final class APISchemaRecorder {
    private(set) var components: [String: JSON] = [:]
    private var values: [ObjectIdentifier: Any] = [:]

    /// The schema of a type, registering the component schemas it uses.
    func schema<T: Decodable>(_ type: T.Type) throws -> JSON { try describe(type).schema }

    /// The JSON keys of an object type, in the order its decoder asks for them.
    func keys<T: Decodable>(_ type: T.Type) throws -> [String] {
        let d = RecordingDecoder(self)
        _ = try T(from: d)
        guard case .object(let fields) = d.shape else { return [] }
        return fields.map(\.key)
    }

    /// The component name of a type: its Swift name without the module, e.g. `OrgAPI.NodeOut`.
    static func name(_ type: Any.Type) -> String {
        let full = String(reflecting: type)
        guard let dot = full.firstIndex(of: ".") else { return full }
        return String(full[full.index(after: dot)...])
    }

    func describe<T: Decodable>(_ type: T.Type) throws -> (schema: JSON, value: T) {
        if let e = type as? any APIEnum.Type { return (e.apiSchema, e.apiPlaceholder as! T) }
        if let e = type as? any APIExplicitSchema.Type {
            let name = Self.name(type)
            components[name] = e.apiSchema
            return (.ref(name), e.apiPlaceholder as! T)
        }
        if let o = type as? any APIOptional.Type { return (try o.wrappedSchema(self).orNull, o.apiNone as! T) }
        if let d = type as? any APIStringKeyedDictionary.Type {
            return (["type": "object", "additionalProperties": try d.valueSchema(self)], d.empty as! T)
        }
        switch type {
        case is String.Type: return (.text, "" as! T)
        case is Bool.Type: return (.boolean, false as! T)
        case is Date.Type: return (.dateTime, Date(timeIntervalSince1970: 0) as! T)
        case is Double.Type: return (.number, 0.0 as! T)
        case is Float.Type: return (.number, Float(0) as! T)
        case is Int.Type: return (.integer, 0 as! T)
        case is Int64.Type: return (.integer, Int64(0) as! T)
        case is Int32.Type: return (.integer, Int32(0) as! T)
        default: break
        }
        let name = Self.name(type)
        if let cached = values[ObjectIdentifier(type)], let value = cached as? T { return (.ref(name), value) }
        let d = RecordingDecoder(self)
        let value = try T(from: d)
        switch d.shape {
        case .none, .object:
            let fields: [RecordingDecoder.Field]
            if case .object(let f) = d.shape { fields = f } else { fields = [] }
            components[name] = objectSchema(type, fields)
            values[ObjectIdentifier(type)] = value
            return (.ref(name), value)
        case .array(let items): return (.arrayOf(items), value)
        case .single(let schema, let nullable): return (nullable ? schema.orNull : schema, value)
        }
    }

    /// An input (`StrictInput`) refuses unknown fields and never sends null; an answer leaves out exactly its
    /// nil values, so an optional field there is nullable and not required.
    private func objectSchema(_ type: Any.Type, _ fields: [RecordingDecoder.Field]) -> JSON {
        let input = type is any StrictInput.Type
        let notes = (type as? any APIFieldNotes.Type)?.apiFieldNotes ?? [:]
        let alsoRequired = Set((type as? any APIFieldNotes.Type)?.apiRequired ?? [])
        var properties: [String: JSON] = [:]
        for f in fields {
            var s = f.optional && !input ? f.schema.orNull : f.schema
            if case .object(let extra)? = notes[f.swiftName] {
                for (k, v) in extra { s[k] = v }
            }
            properties[f.key] = s
        }
        var schema: JSON = ["type": "object", "properties": .object(properties)]
        let required = fields.filter { !$0.optional || alsoRequired.contains($0.swiftName) }.map {
            JSON.string($0.key)
        }
        if !required.isEmpty { schema["required"] = .array(required) }
        if input { schema["additionalProperties"] = false }
        return schema
    }
}

private struct Unsupported: Error, CustomStringConvertible {
    let description: String
}

private final class RecordingDecoder: Decoder {
    struct Field {
        let swiftName: String
        var key: String { APIJSON.jsonKey(swiftName) }
        let schema: JSON
        let optional: Bool
    }
    enum Shape {
        case none
        case object([Field])
        case array(JSON)
        case single(JSON, nullable: Bool)
    }

    let recorder: APISchemaRecorder
    var shape = Shape.none
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(_ recorder: APISchemaRecorder) { self.recorder = recorder }

    func add(_ field: Field) {
        if case .object(let fields) = shape { shape = .object(fields + [field]) } else { shape = .object([field]) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .none = shape { shape = .object([]) }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { Unkeyed(decoder: self) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { Single(decoder: self) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: RecordingDecoder
        var codingPath: [CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func record<T: Decodable>(_ type: T.Type, _ key: Key, optional: Bool) throws -> T {
            let (schema, value) = try decoder.recorder.describe(type)
            decoder.add(Field(swiftName: key.stringValue, schema: schema, optional: optional))
            return value
        }
        func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try record(t, key, optional: false) }
        func decodeIfPresent<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T? {
            try record(t, key, optional: true)
        }
        func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try record(t, key, optional: false) }
        func decode(_ t: String.Type, forKey key: Key) throws -> String { try record(t, key, optional: false) }
        func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try record(t, key, optional: false) }
        func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try record(t, key, optional: false) }
        func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try record(t, key, optional: false) }
        func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try record(t, key, optional: false) }
        func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try record(t, key, optional: false) }
        func decodeIfPresent(_ t: Bool.Type, forKey key: Key) throws -> Bool? { try record(t, key, optional: true) }
        func decodeIfPresent(_ t: String.Type, forKey key: Key) throws -> String? {
            try record(t, key, optional: true)
        }
        func decodeIfPresent(_ t: Double.Type, forKey key: Key) throws -> Double? {
            try record(t, key, optional: true)
        }
        func decodeIfPresent(_ t: Float.Type, forKey key: Key) throws -> Float? {
            try record(t, key, optional: true)
        }
        func decodeIfPresent(_ t: Int.Type, forKey key: Key) throws -> Int? { try record(t, key, optional: true) }
        func decodeIfPresent(_ t: Int32.Type, forKey key: Key) throws -> Int32? {
            try record(t, key, optional: true)
        }
        func decodeIfPresent(_ t: Int64.Type, forKey key: Key) throws -> Int64? {
            try record(t, key, optional: true)
        }
        func nestedContainer<N: CodingKey>(keyedBy t: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
            throw Unsupported(description: "nested container at \(key.stringValue): declare APIExplicitSchema")
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            throw Unsupported(description: "nested container at \(key.stringValue): declare APIExplicitSchema")
        }
        func superDecoder() throws -> Decoder { throw Unsupported(description: "superDecoder") }
        func superDecoder(forKey key: Key) throws -> Decoder { throw Unsupported(description: "superDecoder") }
    }

    /// An array: one element is decoded, which records the items' schema.
    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: RecordingDecoder
        var codingPath: [CodingKey] { [] }
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex > 0 }
        var currentIndex = 0

        init(decoder: RecordingDecoder) {
            self.decoder = decoder
            decoder.shape = .array(["type": "null"])
        }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ t: T.Type) throws -> T {
            let (schema, value) = try decoder.recorder.describe(t)
            decoder.shape = .array(schema)
            currentIndex += 1
            return value
        }
        mutating func decode(_ t: Bool.Type) throws -> Bool { try generic(t) }
        mutating func decode(_ t: String.Type) throws -> String { try generic(t) }
        mutating func decode(_ t: Double.Type) throws -> Double { try generic(t) }
        mutating func decode(_ t: Float.Type) throws -> Float { try generic(t) }
        mutating func decode(_ t: Int.Type) throws -> Int { try generic(t) }
        mutating func decode(_ t: Int32.Type) throws -> Int32 { try generic(t) }
        mutating func decode(_ t: Int64.Type) throws -> Int64 { try generic(t) }
        private mutating func generic<T: Decodable>(_ t: T.Type) throws -> T { try decode(t) }
        mutating func nestedContainer<N: CodingKey>(keyedBy t: N.Type) throws -> KeyedDecodingContainer<N> {
            throw Unsupported(description: "nested container in an array: declare APIExplicitSchema")
        }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            throw Unsupported(description: "nested container in an array: declare APIExplicitSchema")
        }
        mutating func superDecoder() throws -> Decoder { throw Unsupported(description: "superDecoder") }
    }

    /// One value: a primitive, or an optional (which asks `decodeNil` first, so it is nullable).
    struct Single: SingleValueDecodingContainer {
        let decoder: RecordingDecoder
        var codingPath: [CodingKey] { [] }
        func decodeNil() -> Bool {
            decoder.shape = .single(["type": "null"], nullable: true)
            return false
        }
        func decode<T: Decodable>(_ t: T.Type) throws -> T {
            var nullable = false
            if case .single(_, true) = decoder.shape { nullable = true }
            let (schema, value) = try decoder.recorder.describe(t)
            decoder.shape = .single(schema, nullable: nullable)
            return value
        }
        func decode(_ t: Bool.Type) throws -> Bool { try generic(t) }
        func decode(_ t: String.Type) throws -> String { try generic(t) }
        func decode(_ t: Double.Type) throws -> Double { try generic(t) }
        func decode(_ t: Float.Type) throws -> Float { try generic(t) }
        func decode(_ t: Int.Type) throws -> Int { try generic(t) }
        func decode(_ t: Int32.Type) throws -> Int32 { try generic(t) }
        func decode(_ t: Int64.Type) throws -> Int64 { try generic(t) }
        private func generic<T: Decodable>(_ t: T.Type) throws -> T { try decode(t) }
    }
}
