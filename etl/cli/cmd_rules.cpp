// unres rules check [--rules DIR]
#include <iostream>
#include <memory>

#include "commands.h"
#include "rules/check.h"
#include "rules/loader.h"

namespace unres::cli {

RuleSet load_rules_from(const std::string& dir) {
  return load_rules(dir.empty() ? default_rule_sources() : read_rule_sources(dir));
}

Command add_rules_check(CLI::App& parent) {
  auto* rules = parent.add_subcommand("rules", "Work with the rule files");
  rules->require_subcommand(1);
  auto* check = rules->add_subcommand("check", "Load, compile and run every example of the rules");
  auto dir = std::make_shared<std::string>();
  check->add_option("--rules", *dir, "Directory of rule files (default: the rules built in)");
  return {check, [dir] {
            const RuleSet ruleset = load_rules_from(*dir);
            const auto failures = run_examples(ruleset);
            for (const auto& f : failures) std::cerr << f << "\n";
            if (!failures.empty()) return kExitUsage;
            std::size_t metadata = ruleset.metadata.size();
            for (const auto& p : ruleset.profiles) metadata += p.own_metadata;
            std::cout << "rules ok: " << ruleset.profiles.size() << " document profiles, " << metadata << " metadata, "
                      << ruleset.phrases.lemma_of_form.size() << " phrase forms, "
                      << ruleset.organizations.entries.size() << " organizations, " << ruleset.citations.size()
                      << " citation and " << ruleset.deadlines.size() << " deadline rules; "
                      << count_examples(ruleset) << " examples pass\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
