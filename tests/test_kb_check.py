"""`kb check`, the editors' checks as one command: on a copy of the project with one mistake of each
kind, one line per mistake that names the file and the line, in Russian and in Kazakh (English for
developers), and exit 1; on the project as it is, nothing and exit 0."""
import os
import queue
import re
import shutil
import socket
import string
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT
from support_kb.checks import problems as check_messages, run, run_all
from support_kb.data import messages
from support_kb.serving import csp

KB = Path(sys.executable).with_name("kb")  # the console script pip installed beside this Python
LOCATED = re.compile(r"^(docs/\S+|mkdocs\.yml):\d+: \S")

# (file, text there, text instead): each one mistake an editor makes.
MISTAKES = [
    ("docs/ru/account/login.md", "\n1. ", "\n1. Лишний шаг только по-русски.\n1. "),
    ("docs/kk/faq.md", "\n## ", "\nОтініш беру үшін жумыс күндері жазыңыз.\n\n## "),
    ("docs/kk/faq.md", "Баланы балабақша кезегіне", "Баланы бала бақша кезегіне"),
    ("docs/kk/account/login.md", "\n## ",
     "\nЕсли не получается войти, проверьте правильность ввода данных и повторите попытку позже.\n\n## "),
    ("docs/ru/account/sms-code.md", "rules/index.md#30-11", "rules/index.md#30-99"),
    ("docs/triage.yml", '        go: eds-help\n',
     '        go: eds-help\n      - label: {ru: "Сразу задать вопрос", kk: "Бірден сұрақ қою"}\n        go: ask-login\n'),
    ("docs/topics.yml", "topics:\n",
     'topics:\n  sms-limit:\n    role: any\n    scope: technical\n    title: {ru: "Лимит кодов", kk: "Код шектеуі"}\n'),
]


def copy_project(folder: Path) -> Path:
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "node_modules", "__pycache__", "*.egg-info", "tests", "benchmark"))
    return folder


def line_of(project: Path, file: str, text: str) -> int:
    lines = (project / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def kb_check(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(KB), "check", "--root", str(root), *args], capture_output=True, text=True,
                          env={**os.environ, **env})


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The copy with its mistakes, and what run_all (the function behind `kb check`) finds there."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    for file, old, new in MISTAKES:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # A page nobody put in the menu.
    for lang in ("ru", "kk"):
        shutil.copy(project / f"docs/{lang}/account/login.md", project / f"docs/{lang}/account/login-again.md")
    return project, run_all(project)


def expected(project: Path) -> dict[str, list[str]]:
    """For each language, a line that kb check must print for each mistake."""
    faq, login = line_of(project, "docs/kk/faq.md", "жумыс"), line_of(project, "docs/kk/account/login.md", "Если")
    steps = line_of(project, "docs/kk/account/login.md", "1. ")
    glossary = line_of(project, "docs/kk/faq.md", "бала бақша")
    link = line_of(project, "docs/ru/account/sms-code.md", "#30-99")
    form = line_of(project, "docs/triage.yml", "  ask-login:")
    topic = line_of(project, "docs/topics.yml", "sms-limit:")
    return {
        "ru": [
            f"docs/kk/account/login.md:{steps}: нумерованных шагов здесь 5, а в docs/ru/account/login.md — 6: шаг "
            "добавлен или удалён только на одном языке; выровняйте шаги",
            f"docs/kk/faq.md:{faq}: «жумыс» похоже на казахское слово, набранное без казахских букв (ә ғ қ ң ө ұ ү һ і): "
            "может быть, «жұмыс»? Если «жумыс» написано верно, добавьте его в spelling/kk.txt",
            f"docs/kk/faq.md:{glossary}: написано «бала бақша», а в глоссарии — «балабақша»: замените на «балабақша»",
            f"docs/kk/account/login.md:{login}: этот абзац написан по-русски (100% слов), а не по-казахски: переведите его",
            f"docs/ru/account/sms-code.md:{link}: ссылка «../rules/index.md#30-99» ведёт на якорь «#30-99», которого на "
            "странице нет: проверьте номер правила или id заголовка",
            f"docs/triage.yml:{form}: на форму «ask-login» можно попасть, минуя статьи (из sign-in): ведите к ней только "
            "из `unresolved` узла answer",
            f"docs/topics.yml:{topic}: до темы «sms-limit» нельзя дойти от start: добавьте форму с этой темой или статью "
            "этой темы в `articles` узла answer",
            f"docs/topics.yml:{topic}: у темы «sms-limit» нет статьи в docs/kk/: напишите статью с `topic: sms-limit`",
            "docs/ru/account/login-again.md:1: страницы нет в меню: добавьте `account/login-again.md` в список nav: "
            "в mkdocs.yml",
        ],
        "kk": [
            f"docs/kk/account/login.md:{steps}: мұнда нөмірленген қадамдар саны 5, ал docs/ru/account/login.md бетінде "
            "6: қадам тек бір тілде қосылған не өшірілген; қадамдарды теңестіріңіз",
            f"docs/kk/faq.md:{faq}: «Отініш» қазақ әріптерінсіз (ә ғ қ ң ө ұ ү һ і) терілген қазақ сөзіне ұқсайды: "
            "«өтініш» деп жазу керек пе? «Отініш» дұрыс болса, оны spelling/kk.txt файлына қосыңыз",
            f"docs/kk/faq.md:{glossary}: «бала бақша» деп жазылған, ал терминдер сөздігінде — «балабақша»: «балабақша» "
            "деп жазыңыз",
            f"docs/kk/account/login.md:{login}: бұл абзац қазақша емес, орысша жазылған (сөздерінің 100%): оны аударыңыз",
            f"docs/ru/account/sms-code.md:{link}: «../rules/index.md#30-99» сілтемесі бетте жоқ «#30-99» зәкіріне "
            "апарады: тармақ нөмірін немесе тақырыпшаның id-ін тексеріңіз",
            f"docs/triage.yml:{form}: «ask-login» формасына мақалаларды көрсетпей өтуге болады (sign-in түйінінен): "
            "оған тек answer түйінінің `unresolved` кілтінен апарыңыз",
            f"docs/topics.yml:{topic}: «sms-limit» тақырыбына start түйінінен жету мүмкін емес: осы тақырыппен форма "
            "қосыңыз немесе осы тақырыптағы мақаланы answer түйінінің `articles` тізіміне қосыңыз",
            "docs/ru/account/login-again.md:1: бет мәзірде жоқ: `account/login-again.md` жолын mkdocs.yml файлындағы "
            "nav: тізіміне қосыңыз",
        ],
    }


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_each_mistake_is_one_located_line_in_the_editors_language(broken, lang):
    project, problems = broken
    lines = [problem.say(lang) for problem in problems]
    for line in expected(project)[lang]:
        assert line in lines
    assert all(LOCATED.match(line) for line in lines), [line for line in lines if not LOCATED.match(line)]


# (file, text there, text instead): one mistake in each data file the build reads besides the pages'
# own files, and a portal label that does not exist; none of them hides another.
DATA_MISTAKES = [
    ("docs/triage.yml", "go: login-help", "go: login-hlep"),
    ("docs/support-calendar.yml", "days: []", 'days:\n  - {date: 2026-12-19, kind: day-off, name: {ru: "Вход", kk: "Кіру"}, '
                                              'source: "30-1"}'),
    ("docs/rules-editions.yml", "  - date: 2026-11-25", "  - date: 2099-11-25"),
    ("docs/notices.yml", "notices: []", 'notices:\n  - id: SMS_delay\n    kind: incident\n    title: {ru: "Вход", kk: "Кіру"}\n'
                                        '    text: {ru: "Вход", kk: "Кіру"}\n    starts: 2026-12-01 10:00'),
    ("docs/site-strings.yml", 'kk: "Бұл көмектесті"', 'kk: ""'),
    ("docs/search-synonyms.yml", "  - [портал, сайт]", "  - [портал]"),
    ("docs/search-ranking.yml", "weak: 0.3", "weak: 0"),
    ("docs/ru/faq.md", "Каждый ответ заканчивается", "{{ ui.no-such-button }} Каждый ответ заканчивается"),
]


def test_kb_check_says_every_data_files_mistake_located_in_russian_and_kazakh_and_fails(tmp_path):
    project = copy_project(tmp_path / "project")
    for file, old, new in DATA_MISTAKES:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = {file: line_of(project, file, new.splitlines()[-1] if file != "docs/notices.yml" else "id: SMS_delay")
            for file, _, new in DATA_MISTAKES}
    line["docs/support-calendar.yml"] = line_of(project, "docs/support-calendar.yml", "2026-12-19")
    line["docs/site-strings.yml"] = line_of(project, "docs/site-strings.yml", 'kk: ""')
    expected = {
        "ru": [
            f"docs/notices.yml:{line['docs/notices.yml']}: notices[1]: «id» пишется строчными латинскими буквами, "
            "цифрами и «-», например sms-delay-2026-12-08",
            f"docs/ru/faq.md:{line['docs/ru/faq.md']}: названия портала «{{{{ ui.no-such-button }}}}» нет: исправьте ключ "
            "или добавьте его в оба файла docs/labels/*.yml",
            f"docs/rules-editions.yml:{line['docs/rules-editions.yml']}: editions[1]: 2099-11-25 ещё не наступило: "
            "добавляйте редакцию в день её публикации",
            f"docs/search-ranking.yml:{line['docs/search-ranking.yml']}: «weak» должно быть числом больше 0",
            f"docs/search-synonyms.yml:{line['docs/search-synonyms.yml']}: ru: в группе должно быть два слова или "
            "выражения или больше",
            f"docs/site-strings.yml:{line['docs/site-strings.yml']}: triage.solved: в «text» нет текста на языке «kk» "
            "или он пуст: впишите текст",
            f"docs/support-calendar.yml:{line['docs/support-calendar.yml']}: days[2026-12-19]: 2026-12-19 — суббота, "
            "и так выходной: возможно, нужен working-day или другая дата",
            f"docs/triage.yml:{line['docs/triage.yml']}: sign-in: ведёт к «login-hlep», а такого узла нет: исправьте "
            "«go» или «unresolved»",
        ],
        "kk": [
            f"docs/notices.yml:{line['docs/notices.yml']}: notices[1]: «id» кіші латын әріптерінен, цифрлардан және «-» "
            "белгісінен тұрады, мысалы sms-delay-2026-12-08",
            f"docs/ru/faq.md:{line['docs/ru/faq.md']}: «{{{{ ui.no-such-button }}}}» деген портал атауы жоқ: кілтті "
            "түзетіңіз немесе оны docs/labels/*.yml екі файлына да қосыңыз",
            f"docs/rules-editions.yml:{line['docs/rules-editions.yml']}: editions[1]: 2099-11-25 әлі келген жоқ: "
            "редакцияны жарияланған күні қосыңыз",
            f"docs/search-ranking.yml:{line['docs/search-ranking.yml']}: «weak» мәні 0-ден үлкен сан болуы керек",
            f"docs/search-synonyms.yml:{line['docs/search-synonyms.yml']}: ru: топта кемінде екі сөз немесе тіркес "
            "болуы керек",
            f"docs/site-strings.yml:{line['docs/site-strings.yml']}: triage.solved: «text» ішінде «kk» тіліндегі мәтін "
            "жоқ немесе бос: мәтінін жазыңыз",
            f"docs/support-calendar.yml:{line['docs/support-calendar.yml']}: days[2026-12-19]: 2026-12-19 — сенбі, "
            "онсыз да демалыс күні: бәлкім, working-day жазбасы керек немесе күні басқа",
            f"docs/triage.yml:{line['docs/triage.yml']}: sign-in: «login-hlep» түйініне апарады, бірақ мұндай түйін жоқ: "
            "«go» немесе «unresolved» мәнін түзетіңіз",
        ],
    }
    problems = run_all(project)
    assert {lang: [problem.say(lang) for problem in problems] for lang in ("ru", "kk")} == expected
    # The command: the same lines, exit 1, the summary in the language asked for.
    result = kb_check(project, "--lang", "kk")
    assert (result.returncode, result.stdout.splitlines(), result.stderr.strip()) == (
        1, expected["kk"], f"Табылған қателер саны: {len(expected['kk'])}")


def test_every_message_is_written_in_each_language_with_the_same_values():
    """Each message of the loaders (support_kb.data.messages) and of the checks, in English, Russian
    and Kazakh; the Kazakh one in Kazakh (its own letters), the Russian one not the English."""
    tables = {**messages.MESSAGES, **check_messages.MESSAGES, **check_messages.SUMMARY}
    del tables["data-file"]  # the loader's message in each language, as it is
    for code, said in tables.items():
        assert set(said) == {"en", "ru", "kk"}, code
        names = {lang: sorted(re.sub(r"_(ru|kk)$", "", name or "") for _, name, _, _ in string.Formatter().parse(text)
                              if name) for lang, text in said.items()}
        assert names["en"] == names["ru"] == names["kk"], code
        assert re.search("[а-яё]", said["ru"]) and said["ru"] != said["en"], code
    unkazakh = [code for code, said in tables.items() if not re.search("[әғқңөұүһі]", said["kk"], re.I)
                ]
    assert unkazakh == []


def test_the_project_as_it_is_passes_in_the_locales_language():
    result = kb_check(ROOT, LC_ALL="", LC_MESSAGES="", LANG="kk_KZ.UTF-8")
    assert (result.returncode, result.stdout, result.stderr.strip()) == (0, "", "Ешқандай қате табылмады.")


def test_a_data_file_of_the_wrong_type_is_said_in_the_editors_language(tmp_path):
    """The data files' vocabulary (support_kb.data.datafile) has its messages in both languages."""
    project = copy_project(tmp_path / "project")
    labels = project / "docs" / "labels" / "kk.yml"
    text = labels.read_text(encoding="utf-8")
    key = next(line.split(":")[0] for line in text.splitlines() if line and not line.startswith("#"))
    labels.write_text(text.replace(f"{key}:", f"{key}: {{kk: x}}\nold-{key}:", 1), encoding="utf-8")
    line = line_of(project, "docs/labels/kk.yml", f"{key}: {{kk: x}}")
    said = {lang: [p.say(lang) for p in run_all(project) if p.file == "docs/labels/kk.yml"] for lang in ("kk", "ru", "en")}
    assert f"docs/labels/kk.yml:{line}: «{key}» мәні мәтін болуы керек, ал жазылғаны: сөздік" in said["kk"]
    assert f"docs/labels/kk.yml:{line}: «{key}» должно быть: текст, а указано: словарь" in said["ru"]
    assert f"docs/labels/kk.yml:{line}: '{key}' must be a text, not a mapping" in said["en"]


def test_mkdocs_serve_reports_the_same_problems_as_it_rebuilds(tmp_path):
    """Under `mkdocs serve` every build ends with what `kb check` reports, each problem one warning
    in the editor's language; an edit rebuilds and the report follows the edit."""
    project = copy_project(tmp_path / "project")
    faq = project / "docs" / "kk" / "faq.md"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("Баланы балабақша кезегіне", "Баланы бала бақша кезегіне", 1), encoding="utf-8")
    glossary = (f"docs/kk/faq.md:{line_of(project, 'docs/kk/faq.md', 'бала бақша')}: «бала бақша» деп жазылған, ал "
                "терминдер сөздігінде — «балабақша»: «балабақша» деп жазыңыз")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "kk_KZ.UTF-8"}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
                               str(project / "mkdocs.yml")], cwd=project, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in server.stdout], daemon=True).start()

    def warnings_until(end: str) -> list[str]:
        """The warnings logged until a line with `end` (the build's end), at most four minutes."""
        found, deadline = [], time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=5)
            except queue.Empty:
                assert server.poll() is None, "mkdocs serve stopped"
                continue
            if end in line:
                return found
            if line.startswith("WARNING"):
                found.append(line.split("-", 1)[1].strip())
        raise AssertionError(f"no '{end}' within four minutes; warnings so far: {found}")

    try:
        assert warnings_until("Serving on") == [glossary]
        # The editor fixes the word, and types two words of a new sentence without their Kazakh letters.
        faq.write_text(text.replace("\n## ", "\nОтініш беру үшін жумыс күндері жазыңыз.\n\n## ", 1), encoding="utf-8")
        typed = line_of(project, "docs/kk/faq.md", "жумыс")
        assert sorted(warnings_until("Reloading browsers")) == [
            f"docs/kk/faq.md:{typed}: «{word}» қазақ әріптерінсіз (ә ғ қ ң ө ұ ү һ і) терілген қазақ сөзіне ұқсайды: "
            f"«{fixed}» деп жазу керек пе? «{word}» дұрыс болса, оны spelling/kk.txt файлына қосыңыз"
            for word, fixed in (("Отініш", "өтініш"), ("жумыс", "жұмыс"))]
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("html, key, element", [
    ('<span style="color: red">', "csp-style", "<span style=…>"),
    ('<a href="#" onclick="go()">', "csp-handler", "<a onclick=…>"),
    ('<a href="javascript:go()">', "csp-javascript-url", '<a href="javascript:…">'),
    ("<script>go()</script>", "csp-script", "<script>"),
])
def test_what_the_security_policy_would_block_in_a_page_is_said_in_the_editors_language(html, key, element):
    """The build's line for it (support_kb.serving.csp's words, as the build prints them) becomes kb check's."""
    found = csp.scan_page(html + "\n", known=[]).problems
    line = "\n".join(f"docs/ru/faq.md:{problem}" for problem in csp.source_lines(found, f"# Вход\n\nТекст.\n{html}\n"))
    problem = run.build_problem(ROOT, line)
    assert (problem.key, problem.say("en")) == (key, line)
    for lang in ("ru", "kk"):
        assert problem.say(lang) == f"docs/ru/faq.md:4: {check_messages.MESSAGES[key][lang].format(element=element)}"


# (text there, text instead): mistakes in mkdocs.yml, the editors' file of the menu and the plugin's
# settings; the build stops at the first, kb check says each on its line.
CONFIG_MISTAKES = [
    ('        opens: "09:00"', '        opnes: "09:00"'),  # a misspelt setting
    ('        closes: "18:00"', "        closes: 18:00"),  # unquoted: YAML reads a number (1080)
    ("        working_weekdays: [1, 2, 3, 4, 5]", "        working_weekdays: [1, 2, 3, 4, 8]"),
    ("        years_ahead: 1", "        years_ahead: one"),
    ("        provider: url", "        provider: telegramm"),
    ("\nextra_css:", "\nextra_csss:"),  # a setting MkDocs does not know
    ("  - search:\n      separator:", "  - serch:\n      separator:"),  # the search plugin gone
]


def test_mkdocs_yml_mistakes_are_located_lines_in_russian_and_kazakh(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in CONFIG_MISTAKES:
        assert old in text, old
        text = text.replace(old, new, 1)
    config.write_text(text, encoding="utf-8")
    line = {key: line_of(project, "mkdocs.yml", key) for key in ("opnes:", "closes:", "working_weekdays:", "years_ahead:",
                                                                    "provider:", "extra_csss:", "plugins:")}
    expected = {
        "ru": sorted([
            f"mkdocs.yml:{line['opnes:']}: plugins.support-kb.hours: неизвестный ключ «opnes» (можно: closes, opens, "
            "utc_offset_minutes, working_weekdays): исправьте опечатку или уберите ключ",
            f"mkdocs.yml:{line['closes:']}: plugins.support-kb.hours: «closes» должно быть: время вида ЧЧ:ММ в кавычках, "
            "а указано: число",
            f"mkdocs.yml:{line['working_weekdays:']}: plugins.support-kb.hours: «working_weekdays[5]» должно быть одним из: "
            "1, 2, 3, 4, 5, 6, 7, а указано «8»",
            f"mkdocs.yml:{line['years_ahead:']}: plugins.support-kb.calendar: «years_ahead» должно быть: целое число, "
            "а указано: текст",
            f"mkdocs.yml:{line['provider:']}: plugins.support-kb.chat.provider: неизвестный чат «telegramm»: укажите один "
            "из url, telegram, whatsapp, function, jivo, bitrix24, chatwoot, intercom, crisp",
            f"mkdocs.yml:{line['extra_csss:']}: MkDocs не знает настройки «extra_csss»: исправьте её название (nav, theme, "
            "plugins, …) или уберите её",
            f"mkdocs.yml:{line['plugins:']}: plugins: сайту нужен плагин «search» (поиск по сайту на языке страницы): "
            "верните его в список plugins: в прежнем виде (прежний покажет git log -p mkdocs.yml)",
        ], key=lambda said: int(said.split(":")[1])),
        "kk": sorted([
            f"mkdocs.yml:{line['opnes:']}: plugins.support-kb.hours: «opnes» деген белгісіз кілт (болатыны: closes, opens, "
            "utc_offset_minutes, working_weekdays): қатесін түзетіңіз немесе кілтті алып тастаңыз",
            f"mkdocs.yml:{line['closes:']}: plugins.support-kb.hours: «closes» мәні тырнақшадағы СС:ММ түріндегі уақыт "
            "болуы керек, ал жазылғаны: сан",
            f"mkdocs.yml:{line['working_weekdays:']}: plugins.support-kb.hours: «working_weekdays[5]» мына мәндердің бірі "
            "болуы керек: 1, 2, 3, 4, 5, 6, 7, ал жазылғаны «8»",
            f"mkdocs.yml:{line['years_ahead:']}: plugins.support-kb.calendar: «years_ahead» мәні бүтін сан болуы керек, "
            "ал жазылғаны: мәтін",
            f"mkdocs.yml:{line['provider:']}: plugins.support-kb.chat.provider: «telegramm» деген белгісіз чат: мыналардың "
            "бірін жазыңыз: url, telegram, whatsapp, function, jivo, bitrix24, chatwoot, intercom, crisp",
            f"mkdocs.yml:{line['extra_csss:']}: MkDocs «extra_csss» деген баптауды білмейді: атауын түзетіңіз (nav, theme, "
            "plugins, …) немесе оны алып тастаңыз",
            f"mkdocs.yml:{line['plugins:']}: plugins: сайтқа «search» плагині керек (сайт бойынша беттің тілінде іздеу): "
            "оны plugins: тізіміне бұрынғы күйінде қайтарыңыз (бұрынғы күйін git log -p mkdocs.yml көрсетеді)",
        ], key=lambda said: int(said.split(":")[1])),
    }
    problems = run_all(project)
    assert {lang: [problem.say(lang) for problem in problems] for lang in ("ru", "kk")} == expected


def test_mkdocs_yml_that_is_no_yaml_is_one_located_line(tmp_path):
    """A menu title written without its colon: the YAML's line, not a traceback."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "            Поддержка: Қолдау\n" in text
    config.write_text(text.replace("            Поддержка: Қолдау\n", "            Поддержка Қолдау\n", 1), encoding="utf-8")
    line = line_of(project, "mkdocs.yml", "Поддержка Қолдау") + 1  # where YAML finds it
    problems = run_all(project)  # before, a traceback
    for lang in ("ru", "kk"):
        what = messages.MESSAGES["yaml"][lang].format(what="while scanning a simple key could not find expected ':'")
        assert [problem.say(lang) for problem in problems] == [f"mkdocs.yml:{line}: {what}"]


def test_a_page_naming_a_site_file_from_the_wrong_folder_is_located_in_its_markdown(tmp_path):
    """The build gives the site's own files content-hashed names and rewrites every reference to
    them; a page's HTML naming one from the wrong folder cannot be rewritten: kb check names the
    page's line and the path that works."""
    project = copy_project(tmp_path / "project")
    faq = project / "docs" / "kk" / "faq.md"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("\n## ", '\n<img src="assets/images/favicon.png" alt="">\n\n## ', 1), encoding="utf-8")
    line = line_of(project, "docs/kk/faq.md", "favicon.png")
    said = {lang: [problem.say(lang) for problem in run_all(project)] for lang in ("ru", "kk")}
    assert said == {
        "ru": [f"docs/kk/faq.md:{line}: «assets/images/favicon.png» указывает на файл сайта assets/images/favicon.png "
               "не из той папки: напишите «../../assets/images/favicon.png» (адрес страницы — папка, docs/ru/faq.md — "
               "это /faq/: путь в HTML отсчитывается от неё)"],
        "kk": [f"docs/kk/faq.md:{line}: «assets/images/favicon.png» сайттың assets/images/favicon.png файлына басқа "
               "қалтадан сілтеме жасайды: «../../assets/images/favicon.png» деп жазыңыз (беттің мекенжайы — қалта, "
               "docs/ru/faq.md дегеніміз /faq/: HTML ішіндегі жол осы қалтадан басталады)"],
    }


def test_what_a_developer_must_mend_is_still_one_line():
    """A failure of our own code (a traceback of the build, an error over several lines) is said in
    one line, in English: for a developer, not an editor."""
    traceback = ("INFO    -  Building documentation...\nTraceback (most recent call last):\n  File \"x.py\", line 3, in f\n"
                 "    return 1 + 'a'\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n")
    assert run.one_line(traceback) == "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    lines = "INFO    -  x\nERROR   -  esbuild could not bundle the pages' scripts:\n✘ [ERROR] Unexpected \"}\"\n\n    a.js:3:0:\n"
    assert run.one_line(lines) == "ERROR   -  esbuild could not bundle the pages' scripts: ✘ [ERROR] Unexpected \"}\" a.js:3:0:"


def test_kb_check_failing_itself_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    from support_kb import cli

    def broken(root):
        raise KeyError("what")
    monkeypatch.setattr(cli, "run_all", broken)
    monkeypatch.delenv("KB_TRACEBACK", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check", "--root", str(ROOT), "--lang", "kk"])
    assert str(stopped.value).count("\n") == 0 and "KeyError: 'what'" in str(stopped.value)
