#include "args.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace wsc::cli {

std::optional<std::string> parsed_args::get(std::string_view name) const {
    auto it = values_.find(std::string(name));
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::string parsed_args::get_or(std::string_view name, std::string fallback) const {
    auto v = get(name);
    return v ? *v : std::move(fallback);
}

std::vector<std::string> parsed_args::all(std::string_view name) const {
    auto it = values_.find(std::string(name));
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

namespace {

std::string plain(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

double parsed_args::number(std::string_view name, double fallback, double min, double max) const {
    auto v = get(name);
    if (!v) return fallback;
    char* end = nullptr;
    const double value = std::strtod(v->c_str(), &end);
    if (v->empty() || end != v->c_str() + v->size() || value != value)
        throw usage_error("--" + std::string(name) + ": '" + *v + "' is not a number");
    if (value < min || value > max)
        throw usage_error("--" + std::string(name) + ": must be between " + plain(min) + " and " + plain(max) +
                          ", not " + *v);
    return value;
}

long parsed_args::integer(std::string_view name, long fallback, long min, long max) const {
    auto v = get(name);
    if (!v) return fallback;
    long value = 0;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
    if (v->empty() || end != v->data() + v->size() || ec == std::errc::invalid_argument)
        throw usage_error("--" + std::string(name) + ": '" + *v + "' is not a whole number");
    if (ec == std::errc::result_out_of_range || value < min || value > max)
        throw usage_error("--" + std::string(name) + ": must be between " + std::to_string(min) + " and " +
                          std::to_string(max) + ", not " + *v);
    return value;
}

namespace {

const option_spec* find_long(std::span<const option_spec> specs, std::string_view name) {
    for (const auto& s : specs)
        if (s.name == name) return &s;
    return nullptr;
}

const option_spec* find_alias(std::span<const option_spec> specs, char alias) {
    for (const auto& s : specs)
        if (s.alias != 0 && s.alias == alias) return &s;
    return nullptr;
}

}  // namespace

std::vector<option_spec> join_specs(std::initializer_list<std::span<const option_spec>> groups) {
    std::vector<option_spec> all;
    for (const auto& g : groups) all.insert(all.end(), g.begin(), g.end());
    return all;
}

parsed_args parse_args(std::span<const std::string> args, std::span<const option_spec> specs) {
    parsed_args out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            for (++i; i < args.size(); ++i) out.positional_.push_back(args[i]);
            break;
        }
        const option_spec* spec = nullptr;
        std::optional<std::string> inline_value;
        if (a.rfind("--", 0) == 0) {
            std::string_view name = std::string_view(a).substr(2);
            if (const auto eq = name.find('='); eq != std::string_view::npos) {
                inline_value = std::string(name.substr(eq + 1));
                name = name.substr(0, eq);
            }
            spec = find_long(specs, name);
            if (!spec) throw usage_error("unknown option --" + std::string(name));
        } else if (a.size() == 2 && a[0] == '-' && a[1] != '-') {
            spec = find_alias(specs, a[1]);
            if (!spec) throw usage_error("unknown option " + a);
        } else {
            out.positional_.push_back(a);
            continue;
        }
        auto& slot = out.values_[std::string(spec->name)];
        if (spec->value_name.empty()) {
            if (inline_value) throw usage_error("--" + std::string(spec->name) + " takes no value");
            slot.push_back("true");
        } else if (inline_value) {
            slot.push_back(*inline_value);
        } else {
            if (i + 1 >= args.size()) throw usage_error("--" + std::string(spec->name) + " needs a value");
            slot.push_back(args[++i]);
        }
    }
    return out;
}

std::string format_help(std::string_view usage, std::string_view about, std::span<const option_spec> specs) {
    std::string out = "Usage: " + std::string(usage) + "\n\n" + std::string(about) + "\n";
    if (!specs.empty()) out += "\nOptions:\n";
    for (const auto& s : specs) {
        std::string left = "  ";
        left += s.alias ? std::string("-") + s.alias + ", " : std::string("    ");
        left += "--" + std::string(s.name);
        if (!s.value_name.empty()) left += " " + std::string(s.value_name);
        if (left.size() < 30) left.resize(30, ' ');
        else left += "\n" + std::string(30, ' ');
        out += left + std::string(s.help) + "\n";
    }
    return out;
}

std::vector<std::string> split_list(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            std::size_t comma = v.find(',', start);
            if (comma == std::string::npos) comma = v.size();
            std::string item = v.substr(start, comma - start);
            const auto b = item.find_first_not_of(" \t");
            const auto e = item.find_last_not_of(" \t");
            if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
            start = comma + 1;
        }
    }
    return out;
}

}  // namespace wsc::cli
