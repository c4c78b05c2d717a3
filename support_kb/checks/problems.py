"""A problem an editor can fix, said in Russian, Kazakh or English (`kb check --lang`): where it is
(file:line), what is wrong and how to fix it. A Problem is also the English line the checks have
always returned, so code that compares those strings keeps working."""
from __future__ import annotations

LANGUAGES = ("ru", "kk", "en")

# Names of the two languages inside each message language's sentences ("unknown-word").
DICTIONARY = {"en": {"ru": "Russian", "kk": "Kazakh"},
              "ru": {"ru": "русском", "kk": "казахском"},
              "kk": {"ru": "орыс", "kk": "қазақ"}}

MESSAGES = {
    "no-twin": {
        "en": "the page has no twin in the other language: write {missing} with the same file name",
        "ru": "у страницы нет пары на другом языке: создайте {missing} с тем же именем файла",
        "kk": "беттің екінші тілде жұбы жоқ: дәл осындай атпен {missing} файлын жасаңыз",
    },
    "topic-differs": {
        "en": "topic '{topic}' differs from {other} ('{other_topic}'): give both pages the same topic",
        "ru": "тема «{topic}» не совпадает с темой {other} («{other_topic}»): поставьте обеим страницам одну тему",
        "kk": "«{topic}» тақырыбы {other} бетінің тақырыбынан («{other_topic}») басқа: екі бетке бір тақырып қойыңыз",
    },
    "headings-differ": {
        "en": "{count} headings of level {level}, {other} has {other_count}: a section exists in one language only; "
              "add it to the other page or remove it",
        "ru": "заголовков уровня {level} здесь {count}, а в {other} — {other_count}: раздел есть только на одном "
              "языке; добавьте его на вторую страницу или уберите",
        "kk": "мұнда {level}-деңгейлі тақырыпшалар саны {count}, ал {other} бетінде {other_count}: бөлім тек бір "
              "тілде бар; оны екінші бетке қосыңыз немесе алып тастаңыз",
    },
    "steps-differ": {
        "en": "{count} numbered steps, {other} has {other_count}: a step was added or removed in one language only; "
              "make the steps match",
        "ru": "нумерованных шагов здесь {count}, а в {other} — {other_count}: шаг добавлен или удалён только на "
              "одном языке; выровняйте шаги",
        "kk": "мұнда нөмірленген қадамдар саны {count}, ал {other} бетінде {other_count}: қадам тек бір тілде "
              "қосылған не өшірілген; қадамдарды теңестіріңіз",
    },
    "front-matter-missing": {
        "en": "the front matter has no '{key}': add `{key}: ...` between the --- lines",
        "ru": "в шапке страницы нет «{key}»: добавьте строку `{key}: ...` между линиями ---",
        "kk": "беттің басқы бөлігінде «{key}» жоқ: --- сызықтарының арасына `{key}: ...` жолын қосыңыз",
    },
    "topic-unknown": {
        "en": "topic '{topic}' is not in docs/topics.yml: use one of its ids or add the topic there",
        "ru": "темы «{topic}» нет в docs/topics.yml: укажите id темы оттуда или добавьте тему в этот файл",
        "kk": "«{topic}» тақырыбы docs/topics.yml ішінде жоқ: сондағы id-дің бірін жазыңыз немесе тақырыпты сонда қосыңыз",
    },
    "article-needs-topic": {
        "en": "an article needs `topic:` in its front matter: an id from docs/topics.yml",
        "ru": "в шапке статьи нужна строка `topic:` с id темы из docs/topics.yml",
        "kk": "мақаланың басқы бөлігінде `topic:` жолы болуы керек: docs/topics.yml ішіндегі тақырып id-і",
    },
    "topic-without-article": {
        "en": "topic '{topic}' has no article in {folder}: write one with `topic: {topic}`",
        "ru": "у темы «{topic}» нет статьи в {folder}: напишите статью с `topic: {topic}`",
        "kk": "«{topic}» тақырыбының {folder} қалтасында мақаласы жоқ: `topic: {topic}` жолы бар мақала жазыңыз",
    },
    "russian-paragraph": {
        "en": "this paragraph is Russian ({share} of its words), not Kazakh: translate it",
        "ru": "этот абзац написан по-русски ({share} слов), а не по-казахски: переведите его",
        "kk": "бұл абзац қазақша емес, орысша жазылған (сөздерінің {share}): оны аударыңыз",
    },
    "avoided-term": {
        "en": "uses «{variant}»; the glossary says «{term}»: write «{term}»",
        "ru": "написано «{variant}», а в глоссарии — «{term}»: замените на «{term}»",
        "kk": "«{variant}» деп жазылған, ал терминдер сөздігінде — «{term}»: «{term}» деп жазыңыз",
    },
    "mixed-alphabets": {
        "en": "'{word}' mixes Latin and Cyrillic letters: write '{suggestion}'",
        "ru": "в слове «{word}» смешаны латинские и кириллические буквы: напишите «{suggestion}»",
        "kk": "«{word}» сөзінде латын және кирилл әріптері араласып кеткен: «{suggestion}» деп жазыңыз",
    },
    "mixed-alphabets-retype": {
        "en": "'{word}' mixes Latin and Cyrillic letters: type the word again",
        "ru": "в слове «{word}» смешаны латинские и кириллические буквы: наберите слово заново",
        "kk": "«{word}» сөзінде латын және кирилл әріптері араласып кеткен: сөзді қайта теріңіз",
    },
    "kazakh-without-letters": {
        "en": "'{word}' looks like Kazakh typed without its own letters (ә ғ қ ң ө ұ ү һ і): did you mean "
              "'{suggestion}'? If '{word}' is right, add it to {word_list}",
        "ru": "«{word}» похоже на казахское слово, набранное без казахских букв (ә ғ қ ң ө ұ ү һ і): может быть, "
              "«{suggestion}»? Если «{word}» написано верно, добавьте его в {word_list}",
        "kk": "«{word}» қазақ әріптерінсіз (ә ғ қ ң ө ұ ү һ і) терілген қазақ сөзіне ұқсайды: «{suggestion}» деп "
              "жазу керек пе? «{word}» дұрыс болса, оны {word_list} файлына қосыңыз",
    },
    "unknown-word": {
        "en": "unknown {dictionary} word '{word}': fix its spelling, or, if it is a correct term, name or "
              "abbreviation, add it to {word_list}",
        "ru": "слова «{word}» нет в {dictionary} словаре: исправьте опечатку, а если это верный термин, имя или "
              "сокращение, добавьте его в {word_list}",
        "kk": "«{word}» сөзі {dictionary} емле сөздігінде жоқ: қатесін түзетіңіз, ал ол дұрыс термин, атау не "
              "қысқарту болса, оны {word_list} файлына қосыңыз",
    },
    "not-in-nav": {
        "en": "the page is not in the menu: add `{path}` to nav: in mkdocs.yml",
        "ru": "страницы нет в меню: добавьте `{path}` в список nav: в mkdocs.yml",
        "kk": "бет мәзірде жоқ: `{path}` жолын mkdocs.yml файлындағы nav: тізіміне қосыңыз",
    },
    "nav-untranslated": {
        "en": "the menu entry «{title}» has no Kazakh title: add `{title}: …` to nav_translations: of the kk language",
        "ru": "у пункта меню «{title}» нет казахского названия: добавьте `{title}: …` в nav_translations: языка kk",
        "kk": "«{title}» мәзір тармағының қазақша атауы жоқ: kk тілінің nav_translations: бөлігіне `{title}: …` жолын қосыңыз",
    },
    "nav-missing-page": {
        "en": "the menu names `{path}`, which is no page: fix the line or write the page",
        "ru": "в меню указан `{path}`, а такой страницы нет: исправьте строку или создайте страницу",
        "kk": "мәзірде `{path}` көрсетілген, бірақ мұндай бет жоқ: жолды түзетіңіз немесе бетті жасаңыз",
    },
    "form-not-behind-answer": {
        "en": "form '{node}' is reached without articles first (from {parents}): lead to it only from the "
              "`unresolved` of an answer node",
        "ru": "на форму «{node}» можно попасть, минуя статьи (из {parents}): ведите к ней только из `unresolved` "
              "узла answer",
        "kk": "«{node}» формасына мақалаларды көрсетпей өтуге болады ({parents} түйінінен): оған тек answer "
              "түйінінің `unresolved` кілтінен апарыңыз",
    },
    "topic-unreachable": {
        "en": "topic '{topic}' cannot be reached from start: add a form with this topic, or one of its articles "
              "to the `articles` of an answer node",
        "ru": "до темы «{topic}» нельзя дойти от start: добавьте форму с этой темой или статью этой темы в "
              "`articles` узла answer",
        "kk": "«{topic}» тақырыбына start түйінінен жету мүмкін емес: осы тақырыппен форма қосыңыз немесе осы "
              "тақырыптағы мақаланы answer түйінінің `articles` тізіміне қосыңыз",
    },
    "link-no-page": {
        "en": "link '{link}' leads to no page: check the file name and the ../",
        "ru": "ссылка «{link}» ведёт на несуществующую страницу: проверьте имя файла и ../",
        "kk": "«{link}» сілтемесі жоқ бетке апарады: файл атауын және ../ бөлігін тексеріңіз",
    },
    "link-no-anchor": {
        "en": "link '{link}' leads to no '#{anchor}' on its page: check the rule number or the heading's id",
        "ru": "ссылка «{link}» ведёт на якорь «#{anchor}», которого на странице нет: проверьте номер правила или "
              "id заголовка",
        "kk": "«{link}» сілтемесі бетте жоқ «#{anchor}» зәкіріне апарады: тармақ нөмірін немесе тақырыпшаның "
              "id-ін тексеріңіз",
    },
    # The security policy's check of a page's content (support_kb.serving.csp), as the build says it.
    "csp-handler": {
        "en": "{element}: an inline event handler",
        "ru": "{element}: встроенный обработчик событий — политика безопасности (CSP) его заблокирует: уберите "
              "атрибут, а нужное поведение попросите разработчика сделать модулем в overrides/assets/javascripts/",
        "kk": "{element}: кірістірілген оқиға өңдегіші — қауіпсіздік саясаты (CSP) оны бұғаттайды: атрибутты алып тастаңыз, "
              "ал керекті әрекетті әзірлеушіден overrides/assets/javascripts/ ішінде модуль етіп жасауын сұраңыз",
    },
    "csp-style": {
        "en": "{element}: an inline style attribute (use a class in overrides/assets/stylesheets/kb.css)",
        "ru": "{element}: атрибут style — политика безопасности (CSP) его заблокирует: используйте класс из "
              "overrides/assets/stylesheets/kb.css",
        "kk": "{element}: style атрибуты — қауіпсіздік саясаты (CSP) оны бұғаттайды: "
              "overrides/assets/stylesheets/kb.css ішіндегі класты қолданыңыз",
    },
    "csp-javascript-url": {
        "en": "{element}: a javascript: URL",
        "ru": "{element}: адрес javascript: — политика безопасности (CSP) его заблокирует: поставьте обычную ссылку",
        "kk": "{element}: javascript: мекенжайы — қауіпсіздік саясаты (CSP) оны бұғаттайды: кәдімгі сілтеме қойыңыз",
    },
    "csp-script": {
        "en": "{element}: a script no template of the theme writes; the policy runs only the theme's own scripts "
              "(write it as text, or ask a developer for a module in overrides/assets/javascripts/)",
        "ru": "{element}: скрипт, которого нет ни в одном шаблоне темы, — политика безопасности запускает только "
              "скрипты темы: напишите это текстом или попросите разработчика сделать модуль в "
              "overrides/assets/javascripts/",
        "kk": "{element}: сайт үлгілерінің ешқайсысы жазбайтын скрипт — қауіпсіздік саясаты тек сайт үлгілерінің өз "
              "скрипттерін іске қосады: мұны мәтінмен жазыңыз немесе әзірлеушіден overrides/assets/javascripts/ "
              "ішінде модуль жасауын сұраңыз",
    },
    # MkDocs's own check of mkdocs.yml, as the build says it (Config value 'name': …): its words, located.
    "mkdocs-config": {
        "en": "MkDocs does not accept the setting '{name}': {message}; fix it (git diff mkdocs.yml shows what changed)",
        "ru": "MkDocs не принимает настройку «{name}»: {message}; исправьте её (что изменилось, покажет git diff "
              "mkdocs.yml)",
        "kk": "MkDocs «{name}» баптауын қабылдамайды: {message}; оны түзетіңіз (не өзгергенін git diff mkdocs.yml "
              "көрсетеді)",
    },
    "mkdocs-unknown-setting": {
        "en": "MkDocs knows no setting '{name}': fix its name (nav, theme, plugins, …) or remove it",
        "ru": "MkDocs не знает настройки «{name}»: исправьте её название (nav, theme, plugins, …) или уберите её",
        "kk": "MkDocs «{name}» деген баптауды білмейді: атауын түзетіңіз (nav, theme, plugins, …) немесе оны алып "
              "тастаңыз",
    },
    # A page's HTML naming one of the site's own files (which get content-hashed names) from the wrong folder.
    "asset-wrong-folder": {
        "en": "'{value}' names the site's file {asset} from the wrong folder: write '{fixed}' (a page's address is a "
              "folder, docs/ru/faq.md is /faq/: a path in HTML starts from there)",
        "ru": "«{value}» указывает на файл сайта {asset} не из той папки: напишите «{fixed}» (адрес страницы — папка, "
              "docs/ru/faq.md — это /faq/: путь в HTML отсчитывается от неё)",
        "kk": "«{value}» сайттың {asset} файлына басқа қалтадан сілтеме жасайды: «{fixed}» деп жазыңыз (беттің мекенжайы — "
              "қалта, docs/ru/faq.md дегеніміз /faq/: HTML ішіндегі жол осы қалтадан басталады)",
    },
    # A data file's or page's own problem, as its loader says it in each language (support_kb.data.messages).
    "data-file": {"en": "{en}", "ru": "{ru}", "kk": "{kk}"},
    # Any other line of the build's own output that names a file.
    "data-problem": {
        "en": "{message}",
        "ru": "{message} (что это значит и что делать — в разделе 7 руководства редактора)",
        "kk": "{message} (мәні және не істеу керегі — редактор нұсқаулығының 7-бөлімінде)",
    },
    "build-failed": {
        "en": "the site does not build: {message}",
        "ru": "сайт не собирается: {message}",
        "kk": "сайт құрастырылмайды: {message}",
    },
    "no-hunspell": {
        "en": "hunspell with its Russian and Kazakh dictionaries is not installed, so spelling was not checked: "
              "run bin/setup --tests (or apt-get install hunspell hunspell-ru hunspell-kk)",
        "ru": "не установлен hunspell со словарями русского и казахского языков, поэтому орфография не проверена: "
              "запустите bin/setup --tests (или apt-get install hunspell hunspell-ru hunspell-kk)",
        "kk": "орыс және қазақ сөздіктері бар hunspell орнатылмаған, сондықтан емле тексерілмеді: bin/setup --tests "
              "командасын іске қосыңыз (немесе apt-get install hunspell hunspell-ru hunspell-kk)",
    },
}

SUMMARY = {
    "problems": {"en": "{count} problem(s) found", "ru": "Найдено проблем: {count}", "kk": "Табылған қателер саны: {count}"},
    "clean": {"en": "No problems found.", "ru": "Проблем не найдено.", "kk": "Ешқандай қате табылмады."},
    "not-a-project": {
        "en": "kb check: {root} is not inside the help centre's repository (no mkdocs.yml and docs/)",
        "ru": "kb check: {root} — не папка репозитория справочного центра (в ней нет mkdocs.yml и docs/): "
              "запустите команду в репозитории или укажите его в --root",
        "kk": "kb check: {root} анықтама орталығы репозиторийінің ішінде емес (онда mkdocs.yml және docs/ жоқ): "
              "команданы репозиторийде іске қосыңыз немесе оны --root арқылы көрсетіңіз",
    },
}


class Problem(str):
    """file:line, a message id and its values; str() is the checks' own English line."""

    file: str | None
    line: int | None
    key: str
    values: dict

    def __new__(cls, english: str, file: str | None, line: int | None, key: str, /, **values):
        problem = super().__new__(cls, english)
        problem.file, problem.line, problem.key, problem.values = file, line, key, values
        return problem

    @classmethod
    def located(cls, file: str | None, line: int | None, key: str, /, **values) -> "Problem":
        """A problem of a newer check, whose English line is its message's."""
        problem = cls("", file, line, key, **values)
        return cls(problem.say("en"), file, line, key, **values)

    @property
    def where(self) -> str:
        if not self.file:
            return "kb check"
        return f"{self.file}:{self.line}" if self.line else self.file

    def say(self, lang: str) -> str:
        """`file:line: what, how to fix` in the language an editor reads."""
        values = dict(self.values)
        if "dictionary" in values:
            values["dictionary"] = DICTIONARY[lang][values["dictionary"]]
        return f"{self.where}: {MESSAGES[self.key][lang].format(**values)}"
