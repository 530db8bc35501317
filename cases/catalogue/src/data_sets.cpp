#include "wsc/catalogue/data_sets.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace wsc::catalogue {

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

namespace {

// Sizes equal Autobahn's files (html: the 25.10.1 version), so message windows wrap at the same
// points; only the content differs.
const std::vector<DataSetInfo> infos = {
    {"wsc-json", "Large JSON data file", true, 194056, 0x6a736f6e01ULL},
    {"wsc-image", "Lena Picture, Bitmap 512x512 bw", false, 263222, 0x696d616701ULL},
    {"wsc-prose", "Human readable text, Goethe's Faust I (German)", false, 222218, 0x70726f7301ULL},
    {"wsc-html", "Large HTML file", true, 263647, 0x68746d6c01ULL},
    {"wsc-pdf", "A larger PDF", false, 1042328, 0x70646601ULL},
};

template <std::size_t N>
const char* pick(SplitMix64& rng, const std::array<const char*, N>& words) {
    return words[rng.below(N)];
}

// Made-up syllables: pronounceable words whose letter statistics look like natural language.
constexpr std::array<const char*, 32> syllables = {
    "ka", "lo", "mer", "ti", "san", "ver", "do", "ne", "ral", "pu", "sto", "fin", "ga", "lem", "or", "bi",
    "chen", "us", "ta", "rin", "vo", "el", "mar", "quo", "de", "ni", "pal", "ser", "to", "ax", "li", "um"};

std::string word(SplitMix64& rng, int min_syllables, int max_syllables) {
    std::string w;
    auto n = min_syllables + static_cast<int>(rng.below(static_cast<std::uint64_t>(max_syllables - min_syllables + 1)));
    for (int i = 0; i < n; ++i) w += pick(rng, syllables);
    return w;
}

void pad_to(std::string& s, std::size_t size, char fill) {
    if (s.size() < size) s.append(size - s.size(), fill);
}

// JSON-like: an array of records with a recurring shape, like an API dump. The array is closed
// properly and padded with spaces before the ']' so the result is still valid JSON.
Bytes make_json(const DataSetInfo& info) {
    SplitMix64 rng(info.seed);
    constexpr std::array<const char*, 8> cities = {"Lomerti", "Sanvera", "Dorin Bay", "Quo Harbor",
                                                   "Palser",  "Umchen",  "Axli",      "Ranka"};
    constexpr std::array<const char*, 10> tags = {"alpha", "beta", "stable", "legacy", "beta-2",
                                                  "core",  "edge", "mobile", "web",    "internal"};
    const std::string tail = "\n]\n";
    std::string out = "[\n";
    std::string record;
    for (std::uint64_t id = 1;; ++id) {
        std::string name = word(rng, 2, 3);
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        record = std::string(id == 1 ? "" : ",\n") + "  {\"id\": " + std::to_string(1000 + id) + ", \"name\": \"" + name +
                 " " + word(rng, 2, 4) + "\", \"email\": \"" + word(rng, 1, 2) + "." + word(rng, 2, 3) +
                 "@example.org\", \"active\": " + (rng.below(3) ? "true" : "false") +
                 ", \"score\": " + std::to_string(rng.below(10000) / 100) + "." + std::to_string(10 + rng.below(90)) +
                 ", \"tags\": [\"" + pick(rng, tags) + "\", \"" + pick(rng, tags) + "\"], \"address\": {\"city\": \"" +
                 pick(rng, cities) + "\", \"zip\": \"" + std::to_string(10000 + rng.below(90000)) + "\"}}";
        if (out.size() + record.size() + tail.size() > info.size) break;
        out += record;
    }
    pad_to(out, info.size - tail.size(), ' ');
    out += tail;
    return Bytes(out.begin(), out.end());
}

void put_le(Bytes& b, std::size_t at, std::uint32_t v, int n) {
    for (int i = 0; i < n; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

// Image-like: a real 8-bit grey-scale 512x512 BMP (header + palette + pixels = 263222 bytes) with
// smooth value noise plus fine grain, which deflate only compresses a little, like a photo.
Bytes make_image(const DataSetInfo& info) {
    constexpr int side = 512, cell = 32, grid = side / cell + 1;
    constexpr std::uint32_t header = 14 + 40 + 256 * 4;
    Bytes b(info.size, 0);
    b[0] = 'B';
    b[1] = 'M';
    put_le(b, 2, static_cast<std::uint32_t>(info.size), 4);
    put_le(b, 10, header, 4);
    put_le(b, 14, 40, 4);
    put_le(b, 18, side, 4);
    put_le(b, 22, side, 4);
    put_le(b, 26, 1, 2);
    put_le(b, 28, 8, 2);
    put_le(b, 34, side * side, 4);
    put_le(b, 38, 2835, 4);
    put_le(b, 42, 2835, 4);
    put_le(b, 46, 256, 4);
    for (std::uint32_t i = 0; i < 256; ++i) {
        b[54 + 4 * i] = b[55 + 4 * i] = b[56 + 4 * i] = static_cast<std::uint8_t>(i);
    }
    SplitMix64 rng(info.seed);
    std::array<std::array<int, grid>, grid> lattice{};
    for (auto& row : lattice) {
        for (int& v : row) v = 24 + static_cast<int>(rng.below(208));
    }
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int gx = x / cell, gy = y / cell, fx = x % cell, fy = y % cell;
            // Bilinear interpolation in integers: identical on every platform.
            const int top = lattice[gy][gx] * (cell - fx) + lattice[gy][gx + 1] * fx;
            const int bottom = lattice[gy + 1][gx] * (cell - fx) + lattice[gy + 1][gx + 1] * fx;
            int v = (top * (cell - fy) + bottom * fy) / (cell * cell);
            v += static_cast<int>(rng.below(25)) - 12;
            b[header + static_cast<std::size_t>(y * side + x)] = static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
    return b;
}

// Cut `s` to exactly `size` bytes without splitting a UTF-8 sequence, padding with `fill`.
Bytes fit_utf8(std::string s, std::size_t size, char fill) {
    if (s.size() > size) {
        std::size_t cut = size;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s.resize(cut);
    }
    pad_to(s, size, fill);
    return Bytes(s.begin(), s.end());
}

// German-like prose: verse lines built from German-looking syllables with umlauts and eszett,
// grouped into speeches with a speaker line, like a play. Valid UTF-8, sent as binary.
Bytes make_prose(const DataSetInfo& info) {
    SplitMix64 rng(info.seed);
    constexpr std::array<const char*, 40> parts = {
        "ge", "schen", "lich", "ein", "ber", "ung", "keit", "nacht", "herz", "welt", "geist", "sch\xc3\xb6n",
        "gr\xc3\xb6\xc3\x9f", "m\xc3\xa4", "\xc3\xbc", "ber", "wol", "stre", "ben", "lie", "be", "tr\xc3\xa4u",
        "men", "hei", "\xc3\x9f", "en", "ver", "zau", "bert", "f\xc3\xbc", "hlt", "sie", "gen", "wan", "del",
        "lau", "fen", "kla", "ren", "erd"};
    constexpr std::array<const char*, 24> small = {"und", "die", "der", "das", "ich", "du", "nicht", "mit",
                                                   "so", "wie", "zu", "in", "ist", "mir", "dich", "auf",
                                                   "wo", "was", "nur", "noch", "doch", "ein", "mein", "sein"};
    constexpr std::array<const char*, 6> speakers = {"KALMER", "FINDA", "DER GEIST", "ORLAN", "CHOR", "SERAPH"};
    std::string out;
    while (out.size() < info.size) {
        out += "\n";
        out += pick(rng, speakers);
        out += ":\n";
        const auto lines = 2 + rng.below(7);
        for (std::uint64_t l = 0; l < lines; ++l) {
            const auto words = 4 + rng.below(5);
            for (std::uint64_t w = 0; w < words; ++w) {
                std::string token;
                if (rng.below(2)) {
                    token = pick(rng, small);
                } else {
                    for (std::uint64_t s = 0, n = 1 + rng.below(3); s < n; ++s) token += pick(rng, parts);
                }
                if (w == 0 || rng.below(6) == 0) token[0] = static_cast<char>(token[0] >= 'a' && token[0] <= 'z' ? token[0] - 32 : token[0]);
                out += token;
                out += w + 1 == words ? (rng.below(4) ? "," : rng.below(2) ? "!" : ".") : " ";
            }
            out += "\n";
        }
    }
    return fit_utf8(std::move(out), info.size, '\n');
}

// HTML-like: a long link list page. Exactly 26 non-ASCII characters are placed at evenly spaced
// paragraphs (as Autobahn's HTML file has 26), everything else is ASCII.
Bytes make_html(const DataSetInfo& info) {
    SplitMix64 rng(info.seed);
    constexpr std::array<const char*, 26> specials = {
        "\xc3\xa9", "\xc3\xbc", "\xc3\xb6", "\xc3\xa4", "\xc3\x9f", "\xc3\xb1", "\xc3\xa7", "\xc3\xa0", "\xc3\xa8",
        "\xc2\xa9", "\xc2\xae", "\xe2\x84\xa2", "\xe2\x82\xac", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6",
        "\xc2\xab", "\xc2\xbb", "\xc2\xb0", "\xc2\xb1", "\xc2\xb5", "\xc2\xbd", "\xc2\xbc", "\xe2\x86\x92",
        "\xe2\x9c\x93", "\xe2\x88\x9e"};
    const std::string head =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Synthetic index page</title>\n"
        "<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n<div id=\"content\">\n";
    const std::string tail = "</div>\n</body>\n</html>\n";
    constexpr std::size_t reserve = 26 * 4 + 64;  // room for the special characters and padding
    std::vector<std::string> blocks;
    std::size_t total = head.size() + tail.size();
    while (true) {
        std::string title = word(rng, 2, 3) + " " + word(rng, 1, 3);
        std::string block = "<div class=\"entry\">\n  <h3><a href=\"https://example.org/" + word(rng, 1, 2) + "/" +
                            std::to_string(rng.below(100000)) + ".html\">" + title + "</a></h3>\n  <p>";
        for (std::uint64_t w = 0, n = 12 + rng.below(20); w < n; ++w) block += word(rng, 1, 3) + (w + 1 == n ? "." : " ");
        block += "</p>\n  <ul class=\"meta\"><li>" + std::to_string(1 + rng.below(28)) + "/" + std::to_string(1 + rng.below(12)) +
                 "</li><li><a href=\"/tag/" + word(rng, 1, 2) + "\">tag</a></li></ul>\n</div>\n";
        if (total + block.size() + reserve > info.size) break;
        total += block.size();
        blocks.push_back(std::move(block));
    }
    for (std::size_t k = 0; k < specials.size(); ++k) {
        std::string& block = blocks[(k + 1) * blocks.size() / (specials.size() + 1)];
        block.insert(block.find("<p>") + 3, std::string(specials[k]) + " ");
    }
    std::string out = head;
    for (const auto& b : blocks) out += b;
    pad_to(out, info.size - tail.size(), ' ');
    out += tail;
    return Bytes(out.begin(), out.end());
}

// PDF-like: a PDF skeleton whose objects alternate between plain content streams (text operators,
// very compressible) and binary streams of random bytes (already compressed images, which deflate
// cannot shrink), ending with a trailer. Roughly 60 % of the bytes are random.
Bytes make_pdf(const DataSetInfo& info) {
    SplitMix64 rng(info.seed);
    const std::string trailer = "trailer\n<< /Size 9999 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n";
    const std::string open = "9998 0 obj\n<< /Filter /DCTDecode >>\nstream\n";
    const std::string close = "\nendstream\nendobj\n";
    std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    for (int obj = 3;; ++obj) {
        std::string body;
        const bool binary = obj % 2 == 0;
        if (binary) {
            const auto n = 6000 + rng.below(14000);
            for (std::uint64_t i = 0; i < n; ++i) body += static_cast<char>(rng.next() & 0xFF);
        } else {
            for (std::uint64_t i = 0, n = 60 + rng.below(120); i < n; ++i) {
                body += "BT /F" + std::to_string(1 + rng.below(3)) + " " + std::to_string(9 + rng.below(4)) + " Tf " +
                        std::to_string(72 + rng.below(40)) + " " + std::to_string(100 + rng.below(600)) + " Td (" +
                        word(rng, 1, 3) + " " + word(rng, 1, 3) + ") Tj ET\n";
            }
        }
        std::string obj_text = std::to_string(obj) + " 0 obj\n<< /Length " + std::to_string(body.size()) +
                               (binary ? " /Filter /DCTDecode" : "") + " >>\nstream\n" + body + "\nendstream\nendobj\n";
        if (out.size() + obj_text.size() + open.size() + close.size() + trailer.size() > info.size) break;
        out += obj_text;
    }
    // Fill the gap with one last random stream so the file ends exactly at the target size.
    out += open;
    while (out.size() + close.size() + trailer.size() < info.size) out += static_cast<char>(rng.next() & 0xFF);
    out += close;
    out += trailer;
    out.resize(info.size, '\n');
    return Bytes(out.begin(), out.end());
}

}  // namespace

const std::vector<DataSetInfo>& data_sets() { return infos; }

const DataSetInfo* find_data_set(std::string_view name) {
    for (const auto& i : infos) {
        if (i.name == name) return &i;
    }
    return nullptr;
}

Bytes data_set(std::string_view name) {
    const DataSetInfo* info = find_data_set(name);
    if (!info) throw std::invalid_argument("unknown data set '" + std::string(name) + "'");
    if (name == "wsc-json") return make_json(*info);
    if (name == "wsc-image") return make_image(*info);
    if (name == "wsc-prose") return make_prose(*info);
    if (name == "wsc-html") return make_html(*info);
    return make_pdf(*info);
}

Bytes DataWindows::next(std::uint64_t len) {
    Bytes out;
    if (data_.empty()) return out;
    if (!text_) {
        out.reserve(len);
        while (out.size() < len) {
            const std::size_t n = std::min<std::size_t>(len - out.size(), data_.size() - pos_);
            out.insert(out.end(), data_.begin() + static_cast<std::ptrdiff_t>(pos_), data_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
            pos_ = (pos_ + n) % data_.size();
        }
        return out;
    }
    for (std::uint64_t chars = 0; chars < len; ++chars) {
        // Copy one character: the lead byte plus its continuation bytes.
        do {
            out.push_back(data_[pos_]);
            pos_ = (pos_ + 1) % data_.size();
        } while (pos_ != 0 && (data_[pos_] & 0xC0) == 0x80);
    }
    return out;
}

}  // namespace wsc::catalogue
