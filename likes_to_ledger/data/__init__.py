"""The course's data: Kettle & Crow's exports, generated deterministically from a seed (`course data`)."""
