// RFC 6455 §9.1 extension list grammar:
//
//   extension-list = 1#extension
//   extension      = extension-token *( ";" extension-param )
//   extension-param = token [ "=" (token | quoted-string) ]
//
// with the list and whitespace rules of HTTP (RFC 9110 §5.6: OWS around "," and
// ";", tchar tokens, quoted-string with quoted-pair).
#include "wsc/extensions.hpp"

#include <cstddef>

#include "http_text.hpp"

namespace wsc {
namespace {

using http_text::is_ows;
using http_text::is_tchar;
using http_text::is_token;

// RFC 9110 §5.6.4: qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text;
// quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ). Both exclude the controls
// other than HTAB, and DEL.
bool is_quotable(char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '\t' || (u >= 0x20 && u != 0x7f);
}

class cursor {
public:
    explicit cursor(std::string_view s) : s_(s) {}
    bool at_end() const { return i_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[i_]; }
    void skip_ows() {
        while (!at_end() && is_ows(s_[i_])) ++i_;
    }
    bool eat(char c) {
        if (at_end() || s_[i_] != c) return false;
        ++i_;
        return true;
    }
    bool token(std::string& out) {
        const std::size_t start = i_;
        while (!at_end() && is_tchar(static_cast<unsigned char>(s_[i_]))) ++i_;
        out.assign(s_.substr(start, i_ - start));
        return i_ > start;
    }
    // A quoted-string, unquoted into out.
    bool quoted(std::string& out) {
        if (!eat('"')) return false;
        out.clear();
        while (!at_end()) {
            char c = s_[i_++];
            if (c == '"') return true;
            if (c == '\\') {
                if (at_end()) return false;
                c = s_[i_++];
            }
            if (!is_quotable(c)) return false;
            out.push_back(c);
        }
        return false;  // no closing quote
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

bool parse_param(cursor& in, extension_param& p) {
    if (!in.token(p.name)) return false;
    in.skip_ows();
    if (!in.eat('=')) return true;
    in.skip_ows();
    std::string v;
    if (in.peek() == '"') {
        if (!in.quoted(v)) return false;
    } else if (!in.token(v)) {
        return false;
    }
    p.value = std::move(v);
    return true;
}

// One element: a name and its parameters, up to (not including) the next "," or
// the end. The caller has skipped leading OWS.
bool parse_element(cursor& in, extension& e) {
    if (!in.token(e.name)) return false;
    in.skip_ows();
    while (in.eat(';')) {
        in.skip_ows();
        extension_param p;
        if (!parse_param(in, p)) return false;
        e.params.push_back(std::move(p));
        in.skip_ows();
    }
    return in.at_end() || in.peek() == ',';
}

}  // namespace

bool parse_extensions(std::string_view header_value, std::vector<extension>& out) {
    cursor in(header_value);
    std::size_t found = 0;
    for (;;) {
        in.skip_ows();
        // RFC 9110 §5.6.1.2: "a recipient MUST parse and ignore a reasonable number
        // of empty list elements" ("a, , b" is the list "a, b"). RFC 6455 §9.1 takes
        // its #rule from RFC 2616 §2.1, which allows null elements the same way.
        if (in.at_end()) break;
        if (in.peek() != ',') {
            extension e;
            if (!parse_element(in, e)) return false;
            out.push_back(std::move(e));
            ++found;
        }
        if (in.at_end()) break;
        in.eat(',');
    }
    // "1#extension": at least one element that is not empty.
    return found != 0;
}

std::string format_extension(const extension& e) {
    std::string s = e.name;
    for (const auto& p : e.params) {
        s += "; ";
        s += p.name;
        if (!p.value) continue;
        s += '=';
        if (is_token(*p.value)) {
            s += *p.value;
            continue;
        }
        s += '"';
        for (char c : *p.value) {
            if (c == '"' || c == '\\') s += '\\';
            s += c;
        }
        s += '"';
    }
    return s;
}

}  // namespace wsc
