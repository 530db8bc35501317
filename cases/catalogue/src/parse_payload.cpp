#include <stdexcept>

#include "parse_parts.hpp"

namespace wsc::catalogue::detail {

namespace {

// Payloads up to 1 GiB: far above the 16 MiB §9 maximum, low enough to catch a typo'd length.
constexpr std::int64_t max_length = std::int64_t{1} << 30;

Bytes decode_hex(const Node& node) {
    try {
        return hex_decode(node.string());
    } catch (const std::invalid_argument& e) {
        node.fail(std::string("bad hex: ") + e.what());
    }
}

std::string single_key(const Node& node, std::string_view what) {
    if (!node.json().is_object()) node.fail("expected " + std::string(what) + ", got " + type_name(node.json()));
    if (node.json().size() != 1) {
        node.fail("expected exactly one key in " + std::string(what) + ", got " + std::to_string(node.json().size()));
    }
    return node.json().begin().key();
}

}  // namespace

Payload read_payload(const Node& node) {
    const std::string form = single_key(node, "a payload object ({\"text\"|\"hex\"|\"repeat\"|\"fill\": ...})");
    Node body = node.child(form);
    if (form == "text") return text_payload(body.string());
    if (form == "hex") {
        Payload p;
        p.form = Payload::Form::hex;
        p.pattern = decode_hex(body);
        return p;
    }
    if (form == "repeat") {
        Object o(body);
        auto text = o.optional("text");
        auto hex = o.optional("hex");
        if (text.has_value() == hex.has_value()) body.fail("needs exactly one of 'text' or 'hex'");
        Bytes pattern;
        if (text) {
            std::string s = text->string();
            pattern.assign(s.begin(), s.end());
        } else {
            pattern = decode_hex(*hex);
        }
        Node len = o.required("length");
        auto length = static_cast<std::uint64_t>(len.integer(0, max_length));
        o.done();
        if (pattern.empty() && length > 0) (text ? *text : *hex).fail("the pattern to repeat must not be empty");
        return repeat_payload(std::move(pattern), length);
    }
    if (form == "fill") {
        Object o(body);
        auto byte = static_cast<std::uint8_t>(o.required("byte").integer(0, 255));
        auto length = static_cast<std::uint64_t>(o.required("length").integer(0, max_length));
        o.done();
        return fill_payload(byte, length);
    }
    node.child(form).fail("unknown payload form '" + form + "' (expected text, hex, repeat or fill)");
}

Payload read_text_or_payload(const Node& node) {
    if (node.json().is_string()) return text_payload(node.string());
    return read_payload(node);
}

}  // namespace wsc::catalogue::detail
