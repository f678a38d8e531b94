c = get_config()  # noqa: F821
load_subconfig("grader_config.py")  # noqa: F821
