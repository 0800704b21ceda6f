"Every public function has a one-line docstring and every parameter a docments comment (issue: docs as a tutorial)."
import importlib, inspect, pkgutil
import pytest
import mlu_nb
from fastcore.docments import docments

SKIP = {'self', 'args', 'kwargs'}

def public_functions():
    for m in pkgutil.iter_modules(mlu_nb.__path__):
        if m.name.startswith('_'): continue
        mod = importlib.import_module(f'mlu_nb.{m.name}')
        for name in getattr(mod, '__all__', []):
            obj = getattr(mod, name)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and getattr(obj, '__module__', '') == mod.__name__:
                yield f'{m.name}.{name}', obj

@pytest.mark.parametrize('name,obj', list(public_functions()), ids=lambda x: x if isinstance(x, str) else '')
def test_docstring_and_documented_parameters(name, obj):
    doc = inspect.getdoc(obj)
    assert doc, f'{name} has no docstring'
    if inspect.isfunction(obj):
        dm = docments(obj, args_kwargs=True)
        missing = [p for p in inspect.signature(obj).parameters if p not in SKIP and not dm.get(p)]
        assert not missing, f'{name}: parameters without a docments comment: {missing}'

@pytest.mark.parametrize('path', sorted(p for p in __import__('pathlib').Path(mlu_nb.__file__).parent.glob('*.py')), ids=lambda p: p.name)
def test_no_invalid_escapes(path):
    "LaTeX in a plain string turns '\\top' into a tab and '\\l' into a warning: docstrings with backslashes must be raw."
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        compile(path.read_text(), str(path), 'exec')
