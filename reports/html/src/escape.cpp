#include "wsc/report/html_report.hpp"
#include "wsc/report/text.hpp"

namespace wsc::report::html {

std::string escape(std::string_view s) {
    const std::string clean = text::valid_utf8(s);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        // U+2028/U+2029 are harmless in HTML text but not in script; numeric
        // references keep them out of the page's bytes altogether.
        if (c == '\xE2' && i + 2 < clean.size() && clean[i + 1] == '\x80' &&
            (clean[i + 2] == '\xA8' || clean[i + 2] == '\xA9')) {
            out += clean[i + 2] == '\xA8' ? "&#x2028;" : "&#x2029;";
            i += 2;
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string script_json(const nlohmann::json& j) {
    // ensure_ascii turns every non-ASCII code point into \uXXXX, U+2028/U+2029
    // included, and the replace handler turns invalid UTF-8 into U+FFFD. What is
    // left that could end the <script> element or open a comment is < > &, which
    // in JSON text can only occur inside strings, where \u escapes mean the same.
    const std::string ascii = j.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(ascii.size() + 64);
    for (char c : ascii) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace wsc::report::html
