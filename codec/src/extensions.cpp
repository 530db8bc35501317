// RFC 6455 §9.1 extension list grammar.
#include "wsc/extensions.hpp"

#include <cstddef>

namespace wsc {
namespace {

// RFC 9110 §5.6.2 tchar.
bool is_tchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
        case '-': case '.': case '^': case '_': case '`': case '|': case '~':
            return true;
        default:
            return false;
    }
}

class cursor {
public:
    explicit cursor(std::string_view s) : s_(s) {}
    bool at_end() const { return i_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[i_]; }
    void skip_ows() {
        while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    }
    bool eat(char c) {
        if (peek() != c || at_end()) return false;
        ++i_;
        return true;
    }
    bool token(std::string& out) {
        std::size_t start = i_;
        while (!at_end() && is_tchar(s_[i_])) ++i_;
        out.assign(s_.substr(start, i_ - start));
        return i_ > start;
    }
    // RFC 9110 §5.6.4 quoted-string, unquoted into out.
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
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return false;
            out.push_back(c);
        }
        return false;
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

}  // namespace

bool parse_extensions(std::string_view header_value, std::vector<extension>& out) {
    cursor in(header_value);
    in.skip_ows();
    if (in.at_end()) return false;
    for (;;) {
        extension e;
        if (!in.token(e.name)) return false;
        in.skip_ows();
        while (in.eat(';')) {
            in.skip_ows();
            extension_param p;
            if (!parse_param(in, p)) return false;
            e.params.push_back(std::move(p));
            in.skip_ows();
        }
        out.push_back(std::move(e));
        if (in.at_end()) return true;
        if (!in.eat(',')) return false;
        in.skip_ows();
    }
}

std::string format_extension(const extension& e) {
    std::string s = e.name;
    for (const auto& p : e.params) {
        s += "; ";
        s += p.name;
        if (p.value) {
            bool plain = !p.value->empty();
            for (char c : *p.value) plain = plain && is_tchar(c);
            s += '=';
            if (plain) {
                s += *p.value;
            } else {
                s += '"';
                for (char c : *p.value) {
                    if (c == '"' || c == '\\') s += '\\';
                    s += c;
                }
                s += '"';
            }
        }
    }
    return s;
}

}  // namespace wsc
