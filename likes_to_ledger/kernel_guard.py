"""The grading guard: undo a submission's monkeypatching right before each check cell runs.

A submission runs in the same kernel as the checks that grade it, so it can try to cheat by replacing what
the checks rely on: `course_checks.grade`, `pd.read_excel`, a builtin, `sys.modules['course_checks']`, the
name `check`, or IPython's own machinery that turns an exception into a failed cell. nbgrader restores the
*source* of the check cells; this guard restores the *objects* they use. The grading Execute preprocessor
(guarded_execute.py) sends it to the kernel, silently, at three moments:

- INSTALL_CODE, once, before any cell of the notebook: it imports the modules the checks use, so the
  submission can never get there first, and takes a snapshot of them, of `builtins`, of parts of `sys` and
  of IPython's and ipykernel's execution machinery;
- after_locked_cell(source), after a locked cell such as the setup cell: the code that remembers the names
  that cell imported and the simple constants it set (not DataFrames, which a learner may reassign);
- RESTORE_CODE with the user expression RESTORED_EXPRESSION, before every check cell: it puts everything
  back, and restored_from_reply() reads, from the reply, what was put back, in plain phrases.

The kernel-side code (_guard_in_kernel) is shipped as source. It runs with a private copy of the builtins
taken at install, keeps its state in a closure, and exposes one function, as `sys.<GUARD_ATTRIBUTE>`. It
undoes monkeypatching done with ordinary Python (assignments and deletions of attributes, names and
dictionary entries, a function's code replaced); code written against the guard itself (one that reads its
closure, or hides its patches while the guard runs and puts them back afterwards, from a thread or a
wrapper already on the stack) is beyond what a guard inside the same process can stop.
"""

from __future__ import annotations

import ast
import inspect
import math

GUARD_ATTRIBUTE = "__likes_to_ledger_guard__"
REPORT_NAME = "__likes_to_ledger_restored__"
MARKER = "likes_to_ledger kernel guard 1"
GUARD_BROKEN = "the grading guard itself (it was removed or replaced)"

# What the checks rely on, imported at install. Only course_checks loses names a submission adds: the
# others grow legitimately when their own submodules are imported lazily.
CHECKED_MODULES = (
    "course_checks",
    "pandas",
    "pandas.testing",
    "pandas.api.types",
    "numpy",
    "math",
    "hashlib",
    "json",
    "re",
    "operator",
    "numbers",
    "pathlib",
)
MODULES_LOSING_ADDED_NAMES = ("course_checks",)
# The methods of IPython's shell that run a cell or report its error, named in reports as "IPython's NAME".
SHELL_METHODS = (
    "showtraceback",
    "_showtraceback",
    "showsyntaxerror",
    "run_cell",
    "run_cell_async",
    "run_code",
    "run_ast_nodes",
    "should_run_async",
    "transform_cell",
    "ex",
    "ev",
)
# Event callbacks that libraries register when a lesson first uses them: matplotlib, on the first chart.
LIBRARY_CALLBACKS = (
    ("matplotlib.pyplot", "_draw_all_if_interactive"),
    ("matplotlib_inline.backend_inline", "flush_figures"),
)
# Modules of the machinery between an execute request and its reply, beyond those of the shell's objects.
MACHINERY_MODULES = (
    "IPython.core.interactiveshell",
    "IPython.core.async_helpers",
    "IPython.core.builtin_trap",
    "IPython.core.display_trap",
    "IPython.lib.pretty",
)
# Locked cells set constants of these types (or tuples, lists, sets and dicts of them); other values are data
# a learner may change.
CONSTANT_TYPES = (str, bytes, int, float, bool)
PATH_CONSTRUCTORS = ("Path", "PurePath", "PosixPath", "WindowsPath")


def _guard_in_kernel(settings):
    """Install the guard in this kernel: take the snapshot, and set `sys.<attribute>` to the function
    that restores it (called with no argument) or remembers a locked cell's names (remember=entries).

    Shipped as source by INSTALL_CODE and run with a private copy of the builtins, so everything it uses
    is imported here, and a builtin a submission replaces later is not the one it calls.
    """
    import builtins
    import importlib
    import operator
    import pathlib
    import sys
    import types

    missing = object()
    function_type = types.FunctionType
    method_type = types.MethodType
    module_type = types.ModuleType
    immutable_type_flag = 1 << 8  # Py_TPFLAGS_IMMUTABLETYPE: builtin and extension types can't be patched
    type_setattr, type_delattr = type.__setattr__, type.__delattr__
    get_code = operator.attrgetter("__code__")
    get_defaults = operator.attrgetter("__defaults__")
    get_kwdefaults = operator.attrgetter("__kwdefaults__")
    path_class = pathlib.Path
    undoers = []  # functions that undo one kind of change and return the phrases of what they undid

    def same(current, original):
        """The same object, or the same bound method made again (ipykernel rebinds builtins.input)."""
        return current is original or (
            type(current) is method_type
            and type(original) is method_type
            and current.__func__ is original.__func__
            and current.__self__ is original.__self__
        )

    def is_dunder(name):
        return type(name) is str and name[:2] == "__" and name[-2:] == "__"

    def is_mutable_class(value):
        return isinstance(value, type) and not value.__flags__ & immutable_type_flag

    # --- names in a namespace: builtins, a module's globals, a class's attributes ------------------------

    def watch_namespace(view, put, remove, label, skip_dunders, remove_added):
        saved = dict(view())
        # Comparing the ids of the names and values is quick; the full comparison runs only on a difference.
        fingerprint = [list(map(id, saved)), list(map(id, saved.values()))]

        def undo():
            live = view()
            if list(map(id, live)) == fingerprint[0] and list(map(id, live.values())) == fingerprint[1]:
                return []
            undone = []
            for name, value in saved.items():
                if not (skip_dunders and is_dunder(name)) and not same(live.get(name, missing), value):
                    put(name, value)
                    undone.append(label(name))
            if remove_added:
                for name in [name for name in live if name not in saved]:
                    if not (skip_dunders and is_dunder(name)):
                        remove(name)
                        undone.append(label(name))
            live = view()
            fingerprint[:] = [list(map(id, live)), list(map(id, live.values()))]
            return undone

        undoers.append(undo)
        return saved

    def watch_module(module, label, remove_added):
        namespace = module.__dict__

        def put(name, value):
            namespace[name] = value

        def remove(name):
            del namespace[name]

        return watch_namespace(lambda: namespace, put, remove, label, True, remove_added)

    def watch_class(cls, label):
        def put(name, value):
            try:
                type_setattr(cls, name, value)
            except (TypeError, AttributeError):
                pass  # reported all the same

        def remove(name):
            try:
                type_delattr(cls, name)
            except (TypeError, AttributeError):
                pass

        return watch_namespace(lambda: cls.__dict__, put, remove, label, False, True)

    # --- the code of functions: `grade.__code__ = ...` changes no name ---------------------------------

    functions, function_labels, seen_functions = [], [], set()

    def note_functions(value, label):
        if type(value) is function_type:
            found = (value,)
        elif type(value) in (staticmethod, classmethod):
            found = (value.__func__,) if type(value.__func__) is function_type else ()
        elif type(value) is property:
            found = tuple(f for f in (value.fget, value.fset, value.fdel) if type(f) is function_type)
        else:
            found = ()
        for function in found:
            if id(function) not in seen_functions:
                seen_functions.add(id(function))
                functions.append(function)
                function_labels.append(label)

    def watch_functions():
        saved = [list(map(get_code, functions)), list(map(get_defaults, functions))]
        saved.append(list(map(get_kwdefaults, functions)))
        saved_ids = [list(map(id, part)) for part in saved]
        getters = (get_code, get_defaults, get_kwdefaults)
        attributes = ("__code__", "__defaults__", "__kwdefaults__")

        def undo():
            undone = []
            for getter, attribute, originals, ids in zip(getters, attributes, saved, saved_ids, strict=True):
                if list(map(id, map(getter, functions))) == ids:
                    continue
                for index, function in enumerate(functions):
                    if getter(function) is not originals[index]:
                        setattr(function, attribute, originals[index])
                        undone.append(function_labels[index])
            return undone

        undoers.append(undo)

    # --- single objects: an attribute, a dictionary entry, a list's items -------------------------------

    def watch_attribute(owner, name, label):
        original = getattr(owner, name, missing)

        def undo():
            if same(getattr(owner, name, missing), original):
                return []
            if original is missing:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
            return [label]

        undoers.append(undo)

    def watch_entry(mapping, key, label):
        original = mapping.get(key, missing)

        def undo():
            if same(mapping.get(key, missing), original):
                return []
            if original is missing:
                del mapping[key]
            else:
                mapping[key] = original
            return [label]

        undoers.append(undo)

    def watch_list(get, put, label, tolerated=lambda item: False):
        """A list of hooks: the list itself (put back if replaced), and its items (added ones removed
        unless tolerated)."""
        container = get()
        items = list(container)

        def undo():
            undone = []
            if get() is not container:
                put(container)
                undone.append(label)
            current = list(container)
            if len(current) == len(items) and all(a is b for a, b in zip(current, items, strict=True)):
                return undone
            added = [item for item in current if not any(item is known for known in items)]
            wanted = items + [item for item in added if tolerated(item)]
            if len(current) != len(wanted) or any(a is not b for a, b in zip(current, wanted, strict=False)):
                container[:] = wanted
                undone.append(label)
            return undone

        undoers.append(undo)

    def watch_instance_methods(item, methods):
        """Methods (name -> label) that an attribute of the instance itself would hide."""
        namespace = vars(item)
        saved = {name: namespace[name] for name in methods if name in namespace}

        def undo():
            undone = []
            for name in [name for name in namespace if name in methods]:
                if not same(namespace[name], saved.get(name, missing)):
                    if name in saved:
                        namespace[name] = saved[name]
                    else:
                        del namespace[name]
                    undone.append(methods[name])
            for name, value in saved.items():
                if name not in namespace:
                    namespace[name] = value
                    undone.append(methods[name])
            return undone

        undoers.append(undo)

    def watch_trace():
        trace, profile = sys.gettrace(), sys.getprofile()

        def undo():
            undone = []
            if sys.gettrace() is not trace:
                sys.settrace(trace)
                undone.append("sys.settrace")
            if sys.getprofile() is not profile:
                sys.setprofile(profile)
                undone.append("sys.setprofile")
            return undone

        undoers.append(undo)

    # --- the snapshot -------------------------------------------------------------------------------------

    checked = {}  # module name -> the module object imported now
    for name in settings["modules"]:
        try:
            checked[name] = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name or name != "course_checks":
                raise  # only the lesson's copy of the checks may be absent (a folder without checks)

    for name in checked:
        watch_entry(sys.modules, name, f"sys.modules['{name}']")
    watch_attribute(sys, "modules", "sys.modules")
    for name in ("exit", "excepthook", "displayhook", "stdout", "stderr"):
        watch_attribute(sys, name, f"sys.{name}")
    watch_trace()
    watch_namespace(
        lambda: builtins.__dict__,
        builtins.__dict__.__setitem__,
        builtins.__dict__.__delitem__,
        lambda name: f"builtins.{name}",
        False,
        True,
    )

    watched_classes = set()

    def watch_classes_of(module_name, namespace, label_of):
        """The mutable classes a module defines or exports from its own package, and their bases there."""
        package = module_name.split(".")[0] + "."
        for value in list(namespace.values()):
            if not is_mutable_class(value):
                continue
            for cls in value.__mro__:
                if (
                    is_mutable_class(cls)
                    and id(cls) not in watched_classes
                    and (cls.__module__ + ".").startswith(package)
                ):
                    watched_classes.add(id(cls))
                    label = label_of(cls)
                    saved = watch_class(cls, label)
                    for attribute, attribute_value in saved.items():
                        note_functions(attribute_value, label(attribute))

    module_namespaces = {}  # module name -> its names at install, to resolve a locked cell's imports
    for name, module in checked.items():

        def module_label(attribute, name=name):
            return f"{name}.{attribute}"

        saved = watch_module(module, module_label, name in settings["modules_losing_added_names"])
        module_namespaces[name] = saved
        for attribute, value in saved.items():
            note_functions(value, module_label(attribute))

        def class_label(cls, name=name, namespace=saved):
            public = cls.__name__ in namespace and namespace[cls.__name__] is cls
            owner = f"{name}.{cls.__name__}" if public else f"{cls.__module__}.{cls.__qualname__}"
            return lambda class_attribute: f"{owner}.{class_attribute}"

        watch_classes_of(name, saved, class_label)

    # IPython's shell and ipykernel's kernel: the objects between an execute request and its reply.
    from IPython import get_ipython

    shell = get_ipython()
    user_ns = shell.user_ns if shell is not None else {}
    if shell is not None:
        kernel = getattr(shell, "kernel", None)
        shell_classes = set(map(id, type(shell).__mro__))
        kernel_classes = set(map(id, type(kernel).__mro__)) if kernel is not None else set()

        def machinery_label(cls):
            def label(attribute):
                if id(cls) in shell_classes and attribute in settings["shell_methods"]:
                    return f"IPython's {attribute}"
                if id(cls) in kernel_classes and attribute == "do_execute":
                    return "ipykernel's do_execute"
                return f"{cls.__module__}.{cls.__qualname__}.{attribute}"

            return label

        for name in ("displayhook", "display_pub", "display_formatter", "events", "compile"):
            watch_attribute(shell, name, f"IPython's {name}")
        for name in ("input_transformer_manager", "payload_manager"):
            watch_attribute(shell, name, f"IPython's {name}")
        watch_entry(user_ns, "get_ipython", "IPython's get_ipython")
        watch_entry(user_ns, "__builtins__", "the name '__builtins__'")

        formatter = shell.display_formatter
        formatters = [*formatter.formatters.values(), formatter.ipython_display_formatter]
        formatters.append(formatter.mimebundle_formatter)
        machinery = [shell, kernel, shell.events, formatter, *formatters, shell.displayhook]
        machinery += [
            shell.display_pub,
            shell.compile,
            shell.payload_manager,
            shell.input_transformer_manager,
        ]
        machinery += [sys.stdout, sys.stderr]
        machinery = [item for item in machinery if item is not None]

        # Every value the guard reports on passes through the display formatters: none of them may run a
        # printer a submission registered for text.
        watch_namespace(
            lambda: formatter.formatters,
            formatter.formatters.__setitem__,
            formatter.formatters.__delitem__,
            lambda name: "IPython's display formatters",
            False,
            True,
        )
        printers = "IPython's display formatters"
        for each in formatters:
            watch_attribute(each, "type_printers", printers)
            watch_attribute(each, "deferred_printers", printers)
            for kind in (str, object):
                watch_entry(each.type_printers, kind, printers)
                watch_entry(each.deferred_printers, ("builtins", kind.__name__), printers)

        # Code a submission hooks into every cell: event callbacks and the transformers of input and AST.
        def library_callback(item):
            return any(
                item is getattr(sys.modules.get(module_name), function_name, missing)
                for module_name, function_name in settings["library_callbacks"]
            )

        events = shell.events
        watch_attribute(events, "callbacks", "IPython's event callbacks")
        callbacks = events.callbacks
        for event in list(callbacks):
            watch_list(
                lambda event=event: callbacks.get(event),
                lambda items, event=event: callbacks.__setitem__(event, items),
                f"IPython's {event} callbacks",
                library_callback,
            )
        hooks = [(shell, "ast_transformers"), (shell, "input_transformers_post")]
        manager = shell.input_transformer_manager
        for name in ("cleanup_transforms", "line_transforms", "token_transformers"):
            if isinstance(getattr(manager, name, None), list):
                hooks.append((manager, name))
        for owner, name in hooks:
            watch_list(
                lambda owner=owner, name=name: getattr(owner, name, None),
                lambda items, owner=owner, name=name: setattr(owner, name, items),
                f"IPython's {name}",
            )

        machinery_modules = list(settings["machinery_modules"])
        for item in machinery:
            for cls in type(item).__mro__:
                if cls.__module__.split(".")[0] in ("IPython", "ipykernel"):
                    machinery_modules.append(cls.__module__)
        for name in dict.fromkeys(machinery_modules):
            module = sys.modules.get(name)
            if type(module) is not module_type:
                continue

            def machinery_module_label(attribute, name=name):
                return f"{name}.{attribute}"

            saved = watch_module(module, machinery_module_label, False)
            for attribute, value in saved.items():
                note_functions(value, machinery_module_label(attribute))
            watch_classes_of(name, saved, machinery_label)

        # A method set on the instance itself hides the class's. Not on sys.stdout and sys.stderr: IPython
        # sets their `write` for the length of every cell, to keep its output in the history.
        for item in machinery:
            if item is sys.stdout or item is sys.stderr:
                continue
            methods = {}
            for cls in reversed(type(item).__mro__):
                for attribute, value in vars(cls).items():
                    if type(value) in (function_type, staticmethod, classmethod):
                        methods[attribute] = machinery_label(cls)(attribute)
            if hasattr(item, "__dict__"):
                watch_instance_methods(item, methods)

    watch_functions()

    # --- names a locked cell set (the setup cell's pd, check, DATA_FILE) --------------------------------

    remembered = {}  # name -> (value, compared by equality: a constant)

    def constant(value):
        """A str, bytes, number, bool or path, or a tuple, list, set or dict of those (X_FILES)."""
        kind = type(value)
        if kind in (str, bytes, int, float, bool) or issubclass(kind, pathlib.PurePath):
            return True
        if kind in (tuple, list, set, frozenset):
            return all(constant(item) for item in value)
        return kind is dict and all(constant(key) and constant(item) for key, item in value.items())

    def copied(value):
        """A constant no one else holds: a submission may change a list in place."""
        kind = type(value)
        if kind is list:
            return [copied(item) for item in value]
        if kind is dict:
            return {key: copied(item) for key, item in value.items()}
        return set(value) if kind is set else value

    def same_constant(current, original):
        # Only constants are compared by ==, so no code of the submission runs here.
        return type(current) is type(original) and constant(current) and current == original

    def imported(name, module_name, attribute):
        """What the import statement bound, from the snapshot when the module is a checked one."""
        module = checked.get(module_name) or sys.modules.get(module_name)
        if module is None:
            return user_ns.get(name, missing)
        if attribute is None:
            return module
        namespace = module_namespaces.get(module_name)
        if namespace is not None and attribute in namespace:
            return namespace[attribute]
        value = getattr(module, attribute, missing)
        if value is missing:
            value = sys.modules.get(f"{module_name}.{attribute}", user_ns.get(name, missing))
        return value

    def remember_names(entries):
        for entry in entries:
            kind, name = entry[0], entry[1]
            if kind == "import":
                value, by_equality = imported(name, entry[2], entry[3]), False
            elif kind == "constant":
                value, by_equality = copied(entry[2]), True
            elif kind == "path":
                value, by_equality = path_class(*entry[2]), True
            else:  # computed: kept only when it turned out a constant
                value, by_equality = user_ns.get(name, missing), True
                if value is missing or not constant(value):
                    continue
                value = copied(value)
            if value is not missing:
                remembered[name] = (value, by_equality)

    def undo_names():
        undone = []
        for name, (value, by_equality) in remembered.items():
            current = user_ns.get(name, missing)
            if current is missing or not (same_constant if by_equality else same)(current, value):
                user_ns[name] = copied(value) if by_equality else value
                undone.append(f"the name '{name}'")
        return undone

    undoers.append(undo_names)

    # --- the function the kernel's callers reach --------------------------------------------------------

    attribute = settings["attribute"]
    marker = settings["marker"]

    def guard(remember=None):
        """Restore the snapshot and return what was undone, as the text the grader reads (a list holding
        one repr, which RESTORED_EXPRESSION pops); or, given `remember`, remember a locked cell's names."""
        if remember is not None:
            remember_names(remember)
            return None
        undone = []
        for undo in undoers:
            undone.extend(undo())
        if getattr(sys, attribute, None) is not guard:
            setattr(sys, attribute, guard)
            undone.append(settings["broken"])
        return [repr((marker, tuple(sorted(set(undone)))))]

    setattr(sys, attribute, guard)


# --- what the grader sends, and reads back ---------------------------------------------------------------

_SETTINGS = {
    "attribute": GUARD_ATTRIBUTE,
    "marker": MARKER,
    "broken": GUARD_BROKEN,
    "modules": CHECKED_MODULES,
    "modules_losing_added_names": MODULES_LOSING_ADDED_NAMES,
    "shell_methods": SHELL_METHODS,
    "machinery_modules": MACHINERY_MODULES,
    "library_callbacks": LIBRARY_CALLBACKS,
}
_KERNEL_SOURCE = f"{inspect.getsource(_guard_in_kernel)}\n_guard_in_kernel({_SETTINGS!r})\n"
# The guard runs in a namespace of its own, never in the user's, with a copy of the builtins as they are now.
INSTALL_CODE = (
    f"exec(compile({_KERNEL_SOURCE!r}, '<likes_to_ledger kernel guard>', 'exec'), "
    "{'__builtins__': __import__('builtins').__dict__.copy(), '__name__': 'likes_to_ledger_kernel_guard'})"
)
# The report is a one-item list that the expression empties: a reply can't show a stale report again.
RESTORE_CODE = f"{REPORT_NAME} = __import__('sys').{GUARD_ATTRIBUTE}()"
RESTORED_EXPRESSION = f"{REPORT_NAME}.pop()"


def restored_from_reply(reply_content: dict) -> list[str]:
    """From the execute_reply content of RESTORE_CODE: plain phrases of what was undone, e.g.
    ["builtins.abs", "course_checks.grade", "the name 'check'", "sys.exit", "IPython's showtraceback"];
    [] when nothing was. If the reply is an error, or the expression is missing or not what the guard
    produces, [GUARD_BROKEN]: the guard was removed or replaced, so nothing was restored."""
    if reply_content.get("status") != "ok":
        return [GUARD_BROKEN]
    for value in (reply_content.get("user_expressions") or {}).values():
        restored = _guard_report(value)
        if restored is not None:
            return restored
    return [GUARD_BROKEN]


def _guard_report(value) -> list[str] | None:
    """The phrases of one user expression's value, if it is the guard's report (the repr of a repr)."""
    if not isinstance(value, dict) or value.get("status") != "ok":
        return None
    text = (value.get("data") or {}).get("text/plain")
    try:
        report = ast.literal_eval(ast.literal_eval(text))
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    if (
        isinstance(report, tuple)
        and len(report) == 2
        and report[0] == MARKER
        and isinstance(report[1], tuple)
        and all(isinstance(phrase, str) for phrase in report[1])
    ):
        return list(report[1])
    return None


def after_locked_cell(source: str) -> str | None:
    """Code to run after a locked, ungraded cell (e.g. the setup cell) has executed: it remembers the names
    that cell bound by `import`/`from ... import` statements and simple constants (str, bytes, int, float,
    bool, pathlib.Path, and tuples, lists, sets and dicts of those, since hidden tests read lists such as
    X_FILES) -- not DataFrames or other data a student may legitimately reassign. None when the cell binds
    no such names (or is not valid Python).

    Imports are resolved in the kernel from the guard's snapshot, and literal constants are sent as
    values, so neither depends on what a submission did before the cell; a value the cell computes
    (`X_FILES = sorted(Path(".").glob(...))`) is read in the kernel and kept only if it is a constant.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    entries: list[tuple] = []
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    entries.append(("import", alias.asname, alias.name, None))
                else:  # `import a.b` binds a
                    top = alias.name.split(".")[0]
                    entries.append(("import", top, top, None))
        elif isinstance(statement, ast.ImportFrom) and statement.level == 0 and statement.module:
            for alias in statement.names:
                if alias.name != "*":
                    entries.append(("import", alias.asname or alias.name, statement.module, alias.name))
        elif isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    entries.append(_constant_entry(target.id, statement.value))
                elif isinstance(target, ast.Tuple | ast.List):
                    names = [element.id for element in target.elts if isinstance(element, ast.Name)]
                    entries.extend(("computed", name) for name in names)
        elif isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
            entries.append(("computed", statement.target.id))
    if not entries:
        return None
    return f"__import__('sys').{GUARD_ATTRIBUTE}(remember={tuple(entries)!r})"


def _constant_entry(name: str, value: ast.expr) -> tuple:
    """("constant", name, value) for a literal, ("path", name, parts) for Path("..."), else
    ("computed", name): read from the kernel, kept if a constant."""
    try:
        literal = ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        literal = None
    else:
        if _is_constant(literal) and _reads_back(literal):
            return ("constant", name, literal)
    if (
        isinstance(value, ast.Call)
        and not value.keywords
        and (
            (isinstance(value.func, ast.Name) and value.func.id in PATH_CONSTRUCTORS)
            or (
                isinstance(value.func, ast.Attribute)
                and value.func.attr in PATH_CONSTRUCTORS
                and isinstance(value.func.value, ast.Name)
                and value.func.value.id == "pathlib"
            )
        )
        and all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in value.args)
    ):
        return ("path", name, tuple(arg.value for arg in value.args))
    return ("computed", name)


def _reads_back(value) -> bool:
    """Whether a literal's repr is a literal again, with no call (set() would call the kernel's `set`)."""
    text = repr(value)
    try:
        calls = any(isinstance(node, ast.Call) for node in ast.walk(ast.parse(text, mode="eval")))
        return not calls and ast.literal_eval(text) == value
    except (ValueError, SyntaxError):
        return False


def _is_constant(value) -> bool:
    """A str, bytes, int, float (finite: its repr must read back), bool, or a tuple, list, set or dict of
    those."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, CONSTANT_TYPES):
        return True
    if isinstance(value, dict):
        return all(_is_constant(key) and _is_constant(item) for key, item in value.items())
    return isinstance(value, tuple | list | set) and all(_is_constant(item) for item in value)
