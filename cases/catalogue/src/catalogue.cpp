#include "wsc/catalogue/catalogue.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "json_reader.hpp"
#include "parse_case.hpp"
#include "wsc/catalogue/error.hpp"

#ifndef WSC_CATALOGUE_DIR
#error "WSC_CATALOGUE_DIR must be defined by the build (the cases/ source directory)"
#endif

namespace wsc::catalogue {

namespace {

constexpr std::string_view format_tag = "wsconform-catalogue/1";

std::vector<Case> read_file(const std::string& file) {
    const nlohmann::json doc = detail::parse_file(file);
    detail::Node root(doc, "", file);
    detail::Object top(root);

    detail::Node format = top.required("format");
    if (format.string() != format_tag) format.fail("unsupported format '" + format.string() + "' (expected " + std::string(format_tag) + ")");

    detail::FileContext ctx;
    detail::Node section = top.required("section");
    auto section_id = CaseId::try_parse(section.string() + ".1");
    if (!section_id) section.fail("expected a section number as a string, e.g. \"6\"");
    ctx.section = section_id->section();
    ctx.category = top.required("category").nonempty_string();
    detail::Object subs(top.required("subsections"));
    for (auto& [key, label] : subs.members()) {
        auto sub = CaseId::try_parse(key);
        if (!sub || sub->parts().size() != 2 || sub->section() != ctx.section) {
            label.fail("subsection key must look like \"" + std::to_string(ctx.section) + ".N\"");
        }
        ctx.subsections.emplace(key, label.nonempty_string());
    }

    std::vector<Case> cases;
    std::map<CaseId, std::size_t> seen;
    detail::Node list = top.required("cases");
    const auto items = list.array();
    if (items.empty()) list.fail("must contain at least one case");
    for (std::size_t i = 0; i < items.size(); ++i) {
        Case c = detail::read_case(items[i], ctx);
        c.file = file;
        if (auto [it, fresh] = seen.emplace(c.id, i); !fresh) {
            items[i].child("id").fail("duplicate case ID " + c.id.str() + " (also cases[" + std::to_string(it->second) + "])");
        }
        cases.push_back(std::move(c));
    }
    top.done();
    return cases;
}

std::vector<std::filesystem::path> json_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<Case> load_catalogue_file(const std::filesystem::path& file) { return read_file(file.string()); }

Catalogue load_catalogue(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    bool layered = false;
    for (const char* sub : {"autobahn", "handshake"}) {
        if (std::filesystem::is_directory(dir / sub)) {
            layered = true;
            auto more = json_files(dir / sub);
            files.insert(files.end(), more.begin(), more.end());
        }
    }
    if (!layered) {
        if (!std::filesystem::is_directory(dir)) throw CatalogueError(dir.string(), "", "not a directory");
        files = json_files(dir);
    }
    if (files.empty()) throw CatalogueError(dir.string(), "", "no catalogue JSON files found");

    Catalogue cat;
    std::map<CaseId, std::string> owner;
    for (const auto& f : files) {
        for (Case& c : read_file(f.string())) {
            if (auto [it, fresh] = owner.emplace(c.id, c.file); !fresh) {
                throw CatalogueError(c.file, "cases", "case " + c.id.str() + " is also defined in " + it->second);
            }
            cat.cases.push_back(std::move(c));
        }
    }
    std::sort(cat.cases.begin(), cat.cases.end(), [](const Case& a, const Case& b) { return a.id < b.id; });
    int position = 0;
    for (Case& c : cat.cases) {
        if (!c.id.is_handshake()) c.position = ++position;
    }
    return cat;
}

const Case* Catalogue::find(std::string_view id) const {
    auto parsed = CaseId::try_parse(id);
    if (!parsed) return nullptr;
    auto it = std::lower_bound(cases.begin(), cases.end(), *parsed, [](const Case& c, const CaseId& x) { return c.id < x; });
    return it != cases.end() && it->id == *parsed ? &*it : nullptr;
}

std::vector<const Case*> Catalogue::autobahn() const {
    std::vector<const Case*> out;
    for (const Case& c : cases) {
        if (!c.id.is_handshake()) out.push_back(&c);
    }
    return out;
}

std::vector<const Case*> Catalogue::handshake() const {
    std::vector<const Case*> out;
    for (const Case& c : cases) {
        if (c.id.is_handshake()) out.push_back(&c);
    }
    return out;
}

std::filesystem::path default_catalogue_dir() {
    if (const char* env = std::getenv("WSC_CATALOGUE_DIR"); env && *env) return env;
    return WSC_CATALOGUE_DIR;
}

}  // namespace wsc::catalogue
