#pragma once
// The Member States gazetteer (mappings/member_states.yaml): a State's name as the UN's records publish
// it ("CÔTE D’IVOIRE", "NETHERLANDS (KINGDOM OF THE)", "THE BAHAMAS") -> its entry and ISO 3166 alpha-3
// code. Names are compared by member_state_key(), so spelling variants need no alias.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace unres {

struct MemberState {
  std::string iso3;    // ISO 3166 alpha-3; ISO 3166-3 for a former State (SUN, YUG, CSK, DDR, SCG, YMD)
  std::string status;  // member, observer, historical
  std::map<std::string, std::string> names;  // language (en fr es ru zh ar) -> the UN's short name
  std::vector<std::string> aliases;
  const std::string& name() const { return names.at("en"); }
};

struct MemberStates {
  std::vector<MemberState> entries;
  std::unordered_map<std::string, std::size_t> entry_of_key;  // member_state_key(name or alias) -> entries index
  std::vector<std::string> not_state_prefixes;  // keys that entries which are not States begin with ("submitted by")

  // The State a published name stands for; nullptr when none (and for entries that are not States).
  const MemberState* find(std::string_view published) const;
  // True for a published entry that is not a State ("SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY").
  bool is_not_state(std::string_view published) const;
};

// The comparison key of a State's name: letters and digits only, lower case, accents removed (Latin
// letters; combining marks and Arabic vowel marks dropped), Cyrillic lower-cased, curly quotes,
// punctuation and parentheses as word breaks, one space between words, a leading "the" dropped.
// "CÔTE D’IVOIRE" and "Cote d'Ivoire" -> "cote d ivoire"; "THE BAHAMAS" -> "bahamas".
std::string member_state_key(std::string_view name);

}  // namespace unres
