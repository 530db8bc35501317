#include "wsc/close_code.hpp"

namespace wsc {

bool is_valid_close_code(std::uint32_t code) noexcept {
    // §7.4.1: 1004 is reserved, 1005 and 1006 "MUST NOT be set as a status code in
    // a Close control frame by an endpoint", nor 1015. 1012-1014 (service restart,
    // try again later, bad gateway) were registered with IANA after RFC 6455.
    if (code >= 1000 && code <= 1014) return code != 1004 && code != 1005 && code != 1006;
    // §7.4.2: 0-999 are not used, 1000-2999 are reserved for this protocol and its
    // extensions (none beyond the above are assigned), 3000-3999 are registered
    // with IANA and 4000-4999 are private use; nothing above 4999 exists.
    return code >= 3000 && code <= 4999;
}

}  // namespace wsc
