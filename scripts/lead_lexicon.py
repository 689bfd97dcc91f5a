#!/usr/bin/env python3
"""Draft a language's phrase lexicon (mappings/phrases.LANG.yaml) from aligned lead phrases.

usage: lead_lexicon.py GOLD.json LANG > mappings/phrases.LANG.yaml
GOLD.json: akn2gold.py records built with --en-dir, whose paragraphs carry the marked lead `phrase`
and the English `action` of the aligned paragraph (paragraph N of a translation is paragraph N of
the English file). The language's modifiers, postmodifiers and qualifiers are listed below; a
phrase is reduced to its form by taking them off when what is left means the same action
("Prie en outre" -> "Prie" + "en outre"), else the whole phrase is the form ("Réaffirme" stays).
Each form gets the action most of its paragraphs have. The lemma written is the form's most
frequent operative (else preambular) spelling, lower case. Review the output before committing."""
import collections, json, re, sys, unicodedata

WORDS = {
    'fr': dict(pre=['également', 'profondément', 'vivement', 'gravement', 'très', 'particulièrement', 'de nouveau', 'de même', 'en outre,'],
               post=['également', 'en outre', 'de nouveau', 'à nouveau', 'une fois de plus', 'aussi', 'encore', 'instamment', 'vivement',
                     'fermement', 'énergiquement', 'sincèrement', 'd’urgence', 'de même', 'favorablement', 'en particulier', 'à cet égard', 'à ce propos'],
               qual=['avec satisfaction', 'avec préoccupation', 'avec inquiétude', 'avec intérêt', 'avec regret', 'avec gratitude', 'avec appréciation', 'avec reconnaissance', 'avec une vive inquiétude', 'avec une profonde inquiétude']),
    'es': dict(pre=['profundamente', 'gravemente', 'sumamente', 'también', 'además', 'asimismo'],
               post=['también', 'además', 'asimismo', 'una vez más', 'nuevamente', 'de nuevo', 'encarecidamente', 'urgentemente', 'enérgicamente',
                     'firmemente', 'a este respecto', 'en este sentido', 'en particular', 'igualmente'],
               qual=['con beneplácito', 'con aprecio', 'con preocupación', 'con satisfacción', 'con interés', 'con reconocimiento', 'con pesar', 'con gratitud', 'con profunda preocupación', 'con grave preocupación']),
    'ru': dict(pre=['также', 'далее', 'вновь', 'настоятельно', 'решительно', 'особо', 'высоко', 'глубоко', 'с удовлетворением', 'с обеспокоенностью',
                    'с озабоченностью', 'с признательностью', 'с интересом', 'с сожалением', 'с глубокой обеспокоенностью', 'с глубокой озабоченностью'],
               post=['также', 'далее', 'вновь', 'в этой связи'],
               qual=[]),
    'ar': dict(pre=[],
               post=['أيضا', 'أيضاً', 'كذلك', 'مرة أخرى', 'بشدة', 'على وجه الاستعجال', 'في هذا الصدد', 'بقوة', 'على وجه الخصوص'],
               qual=['مع القلق', 'مع التقدير', 'مع الارتياح', 'مع الاهتمام', 'مع الأسف', 'مع القلق البالغ', 'مع بالغ القلق']),
    'zh': dict(pre=['又', '还', '也', '再次', '并', '同样', '紧急', '大力', '强烈', '在这方面', '满意地', '赞赏地', '关切地', '遗憾地'],
               post=[], qual=[]),
}

def key(s):
    s = unicodedata.normalize('NFC', s).lower().replace('،', ',').replace('，', ',')
    s = re.sub('[\u0640\u064b-\u065f\u0670]', '', s)
    s = re.sub('([\u4000-\u9fff])', r' \1 ', s)
    s = re.sub(r'\s+', ' ', s).strip().replace(' ,', ',')
    return s.rstrip(',').strip()

def main():
    gold, lang = json.load(open(sys.argv[1])), sys.argv[2]
    w = WORDS[lang]
    pre, post = sorted(map(key, w['pre']), key=len, reverse=True), sorted(map(key, w['post'] + w['qual']), key=len, reverse=True)
    seen = collections.defaultdict(collections.Counter)     # phrase key -> action counts
    printed = {}                                            # phrase key -> (kind, spelling)
    kind_of = collections.defaultdict(collections.Counter)
    for r in gold['resolutions']:
        if r.get('language') != lang:
            continue
        for kind in ('preambular', 'operative'):
            for p in r.get(kind, []):
                if not p.get('phrase') or not p.get('action') or not key(p['phrase']):
                    continue
                k = key(p['phrase'])
                if not p['phrase'].rstrip(',،，؛; ').strip():
                    continue    # a mark that is only punctuation ("؛")
                seen[k][p['action']] += 1
                kind_of[k][kind] += 1
                printed.setdefault(k, p['phrase'].rstrip(',،，؛ ').strip())
    action = {k: c.most_common(1)[0][0] for k, c in seen.items()}
    def strip(k):   # the form under modifiers, when it keeps the action
        changed = True
        while changed:
            changed = False
            for m in pre:
                if k.startswith(m + ' ') and action.get(k[len(m) + 1:], action.get(k)) == action.get(k):
                    k, changed = k[len(m) + 1:], True
                    break
            for m in post:
                if k.endswith(' ' + m) and action.get(k[:-len(m) - 1], action.get(k)) == action.get(k):
                    k, changed = k[:-len(m) - 1], True
                    break
        return k
    forms = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))   # action -> kind -> form -> n
    for k, c in seen.items():
        base = strip(k)
        kind = kind_of[k].most_common(1)[0][0]
        if base != k and base not in printed:
            printed[base] = base.replace(' ', '') if lang == 'zh' else base
        forms[action[k]][kind][base] += sum(c.values())
    # A form belongs to one action: the one most of its paragraphs have, in every kind it opens.
    owner = collections.defaultdict(collections.Counter)
    kinds_of_form = collections.defaultdict(set)
    for a, kinds in forms.items():
        for kind, fs in kinds.items():
            for f, n in fs.items():
                owner[f][a] += n
                kinds_of_form[f].add(kind)
    entries = collections.defaultdict(lambda: collections.defaultdict(set))
    for f, c in owner.items():
        for kind in kinds_of_form[f]:
            entries[c.most_common(1)[0][0]][kind].add(printed[f])
    # What the grammar of the language says beyond what dev shows: a Chinese verb is the same in the
    # preamble and the operative part; an Arabic preambular phrase is the operative one after وإذ.
    taken = {k for kinds in entries.values() for fs in kinds.values() for k in map(key, fs)}
    for a, kinds in entries.items():
        more = collections.defaultdict(set)
        for kind, fs in kinds.items():
            other = 'operative' if kind == 'preambular' else 'preambular'
            for f in fs:
                if lang == 'zh':
                    more[other].add(f)
                elif lang == 'ar' and kind == 'preambular' and f.startswith('وإذ '):
                    more[other].add(f[4:])
                elif lang == 'ar' and kind == 'operative' and not f.startswith('وإذ '):
                    more[other].add('وإذ ' + f)
        for kind, fs in more.items():
            for f in fs:
                if key(f) not in taken or f in kinds[kind] or any(key(f) == key(g) for g in set().union(*kinds.values())):
                    kinds[kind].add(f)
    print(f'# Phrase lexicon, {lang}: drafted by scripts/lead_lexicon.py from the lead phrases the AKN4UN XML marks, aligned')
    print('# with the English lead of the same paragraph (akn-lang-dev), then reviewed. See docs/rules.md, "Adding a language".')
    print('extends: phrases')
    print(f'language: {lang}')
    q = lambda xs: '[' + ', '.join(json.dumps(x, ensure_ascii=False) for x in xs) + ']'
    print('modifiers:', q(w['pre']))
    print('postmodifiers:', q(w['post']))
    print('qualifiers:', q(w['qual']))
    print('phrases:')
    for a in sorted(entries):
        entry = {kind: sorted(entries[a][kind]) for kind in ('preambular', 'operative') if entries[a][kind]}
        top = entry.get('operative', entry.get('preambular'))[0]
        print(f'  - lemma: {json.dumps(key(top).replace(" ", "") if lang == "zh" else key(top), ensure_ascii=False)}')
        print(f'    action: {a}')
        for kind, fs in entry.items():
            print(f'    {kind}: {q(fs)}')

main()
