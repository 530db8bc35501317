#pragma once
// Every validation failure names the file, the JSON key path inside it and the problem, so a
// person editing a 3000-line catalogue file can jump straight to the offending value.

#include <stdexcept>
#include <string>

namespace wsc::catalogue {

class CatalogueError : public std::runtime_error {
public:
    // key_path uses dotted keys and [index] for arrays, e.g. "cases[3].steps[1].send_frame.opcode";
    // an empty key_path means the document as a whole and is shown as "(root)".
    CatalogueError(std::string file, std::string key_path, std::string problem);

    const std::string& file() const noexcept { return file_; }
    const std::string& key_path() const noexcept { return key_path_; }
    const std::string& problem() const noexcept { return problem_; }

private:
    std::string file_;
    std::string key_path_;
    std::string problem_;
};

}  // namespace wsc::catalogue
