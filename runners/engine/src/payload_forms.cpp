// Catalogue payloads as bytes on the wire and as the wire log describes them.
#include <cmath>

#include "session_impl.hpp"
#include "wsc/report/display.hpp"

namespace wsc::engine {

std::string payload_bytes(const catalogue::Payload& p) { return catalogue::bytes_string(p); }

tf_payload tf_of_bytes(std::string_view bytes) {
    return tf_payload{bytes.size(), report::display_payload(bytes), std::nullopt};
}

// A repeated pattern is logged as Autobahn logs payload_len frames: the base pattern
// and the length it was repeated to. Everything else is logged as literal bytes.
tf_payload tf_of(const catalogue::Payload& p) {
    if (p.form == catalogue::Payload::Form::repeat) {
        const std::string base(p.pattern.begin(), p.pattern.end());
        return tf_payload{base.size(), report::display_payload(base), p.size()};
    }
    if (p.form == catalogue::Payload::Form::fill) {
        // The display form only looks at the first 64 octets and whether there are
        // more than 60, so 65 octets of the fill show exactly like the whole payload.
        const std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(p.size(), report::display_keep + 1)),
                               p.pattern.empty() ? '\0' : static_cast<char>(p.pattern[0]));
        return tf_payload{p.size(), report::display_payload(head), std::nullopt};
    }
    return tf_of_bytes(payload_bytes(p));
}

bool integral(double v) { return std::floor(v) == v && std::fabs(v) < 1e15; }

nlohmann::json seconds_json(double v) {
    if (integral(v)) return static_cast<long long>(v);
    return v;
}

}  // namespace wsc::engine
