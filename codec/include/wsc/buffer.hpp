// Growing a byte string that is about to be overwritten.
#pragma once

#include <cstddef>
#include <string>

namespace wsc {

// Resizes `s` to `n` octets without zero-filling the new ones: the caller writes
// every one of them next (an unmasking or masking copy, a recv). Capacity grows
// geometrically, so repeated growth stays linear.
void grow_uninitialized(std::string& s, std::size_t n);

}  // namespace wsc
