// Zero-filling octets that are overwritten at once cost a sixth of the receive time
// in bench/ (bench/RESULTS.md, "Codec throughput"). The codec library alone is
// compiled as C++23 (codec/CMakeLists.txt) for resize_and_overwrite; the resize()
// fallback is for a C++20 build.
#include "wsc/buffer.hpp"

#include <algorithm>

namespace wsc {

void grow_uninitialized(std::string& s, std::size_t n) {
#if defined(__cpp_lib_string_resize_and_overwrite)
    // GCC 12's resize_and_overwrite throws bad_alloc when it has to reallocate, so
    // capacity is grown (geometrically) beforehand and it never does.
    if (n > s.capacity()) s.reserve(std::max(n, 2 * s.capacity()));
    s.resize_and_overwrite(n, [](char*, std::size_t len) { return len; });
#else
    s.resize(n);
#endif
}

}  // namespace wsc
