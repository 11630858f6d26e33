/// Escapes untrusted text for HTML, XHTML and SVG, in element content and in quoted attribute
/// values alike: `&`, `<`, `>`, `"` and `'` become character references, so profile text can never
/// open a tag or leave an attribute.
///
/// Characters XML 1.0 forbids even as references (C0 controls other than tab, LF and CR; U+FFFE and
/// U+FFFF) and the C1 controls become U+FFFD, so the document stays well-formed XML.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
