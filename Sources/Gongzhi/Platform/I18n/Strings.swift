/// Interface strings. Keys are shared; each language has a complete table (a test checks both ways
/// and that every key the code uses exists).
enum Strings {}
