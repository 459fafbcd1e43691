/* margin-lab-core.h — the margin model, with no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-types.h"
#include "ml-enums.h"
#include "ml-money.h"
#include "ml-contract.h"
#include "ml-brackets.h"
#include "ml-curve.h"
#include "ml-position.h"
#include "ml-account.h"
#include "ml-scenario.h"
#include "ml-lab.h"
#include "ml-explain.h"
#include "ml-file.h"
#include "ml-loss.h"
#include "ml-lesson-task.h"
#include "ml-lesson-question.h"
#include "ml-lesson-step.h"
#include "ml-lesson.h"
#include "ml-lesson-pack.h"
