#pragma once
// Case IDs such as "6.4.3". Two orders matter: integer-tuple order (what a run and the HTML
// matrix use, so 7.13 follows 7.9) and plain string order (what index.json uses).

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsc::catalogue {

class CaseId {
public:
    CaseId() = default;
    // Accepts two or more dot-separated decimal numbers without leading zeros.
    static std::optional<CaseId> try_parse(std::string_view text);
    static CaseId parse(std::string_view text);  // throws std::invalid_argument

    const std::vector<int>& parts() const noexcept { return parts_; }
    int section() const { return parts_.at(0); }
    // "7.13" for "7.13.2"; empty for two-part IDs such as "2.10", whose sections have no subsections.
    std::string subsection() const;
    std::string str() const;
    // Our own handshake section is 0; Autobahn defines no case there.
    bool is_handshake() const { return !parts_.empty() && parts_[0] == 0; }

    friend bool operator==(const CaseId&, const CaseId&) = default;
    friend std::strong_ordering operator<=>(const CaseId& a, const CaseId& b) {
        return a.parts_ <=> b.parts_;  // lexicographic over integers: tuple order
    }

private:
    std::vector<int> parts_;
};

// index.json order: compares the ID strings bytewise, so "12.1.10" < "12.1.2" < "9.1.1".
bool autobahn_string_less(const CaseId& a, const CaseId& b);

}  // namespace wsc::catalogue
