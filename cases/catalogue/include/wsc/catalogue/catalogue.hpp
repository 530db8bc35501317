#pragma once
// Loading the catalogue directory.

#include <filesystem>
#include <string_view>
#include <vector>

#include "wsc/catalogue/case.hpp"

namespace wsc::catalogue {

struct Catalogue {
    std::vector<Case> cases;  // tuple order, so the handshake section (0.x) comes first

    const Case* find(std::string_view id) const;
    std::vector<const Case*> autobahn() const;   // the Autobahn-compatible cases (sections 1-13)
    std::vector<const Case*> handshake() const;  // our section 0
};

// Reads <dir>/autobahn/*.json and <dir>/handshake/*.json, or, if neither subdirectory exists,
// <dir>/*.json (handy for tests). Every key is validated; any problem throws CatalogueError naming
// the file, the key path and the problem. Duplicate IDs across files are an error too.
// Positions are assigned over the loaded Autobahn cases in tuple order.
Catalogue load_catalogue(const std::filesystem::path& dir);

// The cases of one file, validated the same way (no positions assigned).
std::vector<Case> load_catalogue_file(const std::filesystem::path& file);

// $WSC_CATALOGUE_DIR if set and non-empty, else the cases/ source directory compiled in.
std::filesystem::path default_catalogue_dir();

}  // namespace wsc::catalogue
