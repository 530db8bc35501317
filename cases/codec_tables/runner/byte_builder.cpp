#include "byte_builder.hpp"

#include <cctype>

#include "wsc/frame.hpp"

namespace wsc::tables {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Payloads of a million octets are fine; a typo making a billion is not.
constexpr std::uint64_t max_repeat_octets = 64ull << 20;

}  // namespace

std::string parse_hex(const json_node& n) {
    const std::string s = n.as_string();
    std::string out;
    int high = -1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (high >= 0) n.fail("hex digit pair split by whitespace at offset " + std::to_string(i));
            continue;
        }
        const int d = hex_digit(c);
        if (d < 0) n.fail(std::string("not a hex digit: '") + c + "' at offset " + std::to_string(i));
        if (high < 0) {
            high = d;
        } else {
            out.push_back(static_cast<char>(high * 16 + d));
            high = -1;
        }
    }
    if (high >= 0) n.fail("odd number of hex digits");
    return out;
}

mask_key parse_mask(const json_node& n) {
    const std::string raw = parse_hex(n);
    if (raw.size() != 4) n.fail("a masking key is 4 octets, got " + std::to_string(raw.size()));
    mask_key k;
    for (int i = 0; i < 4; ++i) k[i] = static_cast<std::uint8_t>(raw[i]);
    return k;
}

std::string to_hex(std::string_view octets, std::size_t limit) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < octets.size() && i < limit; ++i) {
        if (i != 0) out.push_back(' ');
        out.push_back(digits[static_cast<std::uint8_t>(octets[i]) >> 4]);
        out.push_back(digits[static_cast<std::uint8_t>(octets[i]) & 15]);
    }
    if (octets.size() > limit) out += " ... (" + std::to_string(octets.size()) + " octets)";
    return out;
}

std::string byte_builder::payload(const json_node& n) {
    if (n.is_string()) return n.as_string();
    if (!n.is_object()) n.fail("a payload is a string or an object with text, hex, repeat, concat, deflate or close");
    if (n.has("text")) {
        n.allow_only({"text"});
        return n.at("text").as_string();
    }
    if (n.has("hex")) {
        n.allow_only({"hex"});
        return parse_hex(n.at("hex"));
    }
    if (n.has("repeat")) {
        n.allow_only({"repeat", "count"});
        const std::string unit = payload(n.at("repeat"));
        const std::uint64_t count = n.at("count").as_uint();
        if (unit.size() * count > max_repeat_octets) n.fail("repeat would produce more than 64 MiB");
        std::string out;
        out.reserve(unit.size() * count);
        for (std::uint64_t i = 0; i < count; ++i) out += unit;
        return out;
    }
    if (n.has("concat")) {
        n.allow_only({"concat"});
        const json_node parts = n.at("concat");
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) out += payload(parts[i]);
        return out;
    }
    if (n.has("deflate")) {
        n.allow_only({"deflate"});
        if (!deflate_params_) n.fail("a deflate payload needs config.deflate (or config.peer_deflate) in the row");
        const std::string plain = payload(n.at("deflate"));
        if (!compressor_) compressor_ = std::make_unique<deflate_compressor>(sender_, *deflate_params_);
        std::string out;
        compressor_->compress(plain, out);
        return out;
    }
    if (n.has("close")) {
        n.allow_only({"close", "reason"});
        const auto code = n.at("close").as_uint(0xFFFF);
        std::string out;
        out.push_back(static_cast<char>(code >> 8));
        out.push_back(static_cast<char>(code & 0xFF));
        if (auto r = n.find("reason")) out += payload(*r);
        return out;
    }
    n.fail("a payload object needs one of text, hex, repeat, concat, deflate, close");
}

std::string byte_builder::frame(const json_node& n) {
    n.allow_only({"fin", "rsv", "opcode", "mask", "length_octets", "declared_length", "payload"});
    frame_spec spec;
    if (auto f = n.find("fin")) spec.fin = f->as_bool();
    if (auto r = n.find("rsv")) spec.rsv = static_cast<std::uint8_t>(r->as_uint(7));
    spec.opcode = static_cast<std::uint8_t>(n.at("opcode").as_uint(15));
    spec.mask = default_mask_;
    if (auto m = n.find("mask")) {
        if (m->value().is_boolean() && !m->as_bool()) spec.mask.reset();
        else spec.mask = parse_mask(*m);
    }
    if (auto l = n.find("length_octets")) {
        const auto v = l->as_uint(8);
        if (v != 0 && v != 2 && v != 8) l->fail("length_octets is 0 (minimal), 2 (16-bit) or 8 (64-bit)");
        spec.length_octets = static_cast<std::uint8_t>(v);
    }
    if (auto d = n.find("declared_length")) spec.declared_length = d->as_uint();
    std::string body;
    if (auto p = n.find("payload")) body = payload(*p);
    if (spec.length_octets == 2 && spec.declared_length.value_or(body.size()) > 0xFFFF)
        n.fail("length_octets 2 cannot hold the payload length");
    return encode_frame(spec, body);
}

std::string byte_builder::stream(const json_node& n) {
    if (n.is_string()) return parse_hex(n);
    if (n.is_array()) {
        std::string out;
        for (std::size_t i = 0; i < n.size(); ++i) out += stream(n[i]);
        return out;
    }
    if (!n.is_object()) n.fail("a stream is a hex string, a list, or an object with hex, bytes, frame or repeat");
    if (n.has("hex")) {
        n.allow_only({"hex"});
        return parse_hex(n.at("hex"));
    }
    if (n.has("bytes")) {
        n.allow_only({"bytes"});
        return payload(n.at("bytes"));
    }
    if (n.has("frame")) {
        n.allow_only({"frame"});
        return frame(n.at("frame"));
    }
    if (n.has("repeat")) {
        n.allow_only({"repeat", "count"});
        const std::uint64_t count = n.at("count").as_uint(1u << 20);
        std::string out;
        // Built each time, not copied: a deflate payload inside must see the
        // compressor's state move on, as repeated messages would on the wire.
        for (std::uint64_t i = 0; i < count; ++i) out += stream(n.at("repeat"));
        if (out.size() > max_repeat_octets) n.fail("repeat would produce more than 64 MiB");
        return out;
    }
    n.fail("a stream object needs one of hex, bytes, frame, repeat");
}

}  // namespace wsc::tables
