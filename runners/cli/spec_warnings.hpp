// Autobahn spec keys that wsconform reads without error but does not act on. A
// user coming from Autobahn would otherwise believe they took effect, so each one
// present gets a one-line warning naming the key. When a key gets implemented,
// delete its line from the table in spec_warnings.cpp (webport goes with the
// browser command).
#pragma once

#include <ostream>
#include <string>

#include "wsc/catalogue/spec_file.hpp"

namespace wsc::cli {

// One line per key on `out`: "FILE: key 'options.failByDrop' is accepted but not
// implemented: ...". `file` is the spec's path.
void warn_unimplemented_keys(const catalogue::Spec& spec, const std::string& file, std::ostream& out);

}  // namespace wsc::cli
