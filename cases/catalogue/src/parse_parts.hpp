#pragma once
// Readers for the catalogue's building blocks; each validates strictly and fails via Node::fail.

#include "json_reader.hpp"
#include "wsc/catalogue/case.hpp"

namespace wsc::catalogue::detail {

Payload read_payload(const Node& node);
Payload read_text_or_payload(const Node& node);  // a bare string is shorthand for {"text": ...}
SendFrame read_frame(const Node& node);          // the body of a send_frame step
Step read_step(const Node& node);
Event read_event(const Node& node);
std::vector<Outcome> read_expected(const Node& node);
ExpectedClose read_expected_close(const Node& node);
ExpectResponse read_expect_response(const Node& node);
ExpectClient read_expect_client(const Node& node);
DeflateParams read_deflate_params(const Node& node);

}  // namespace wsc::catalogue::detail
