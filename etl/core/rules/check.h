#pragma once
// `unres rules check`: runs every example that the rules carry.
#include <string>
#include <vector>

#include "rules/ruleset.h"

namespace unres {

// One message per failing example ("file:line:col: rule 'id': …"); empty when all pass.
std::vector<std::string> run_examples(const RuleSet& rules);
// How many examples the rules carry.
std::size_t count_examples(const RuleSet& rules);

}  // namespace unres
