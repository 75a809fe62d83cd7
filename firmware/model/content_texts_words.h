/* content_texts_words.h — the [texts] of the facilitator screens, the ideas
 * and priorities screens, the review and idle screens, the welcome's "you
 * said, we did" and the spoken sound and scan prompts (issues 13, 14), as one
 * X-macro list: X(key, length, fit, easy-read, English, Welsh). content.h
 * makes a field of each, content_texts.c a table row. A text with %d, %ld,
 * %s or %.0f must keep them, in the same order, in every language (the
 * checker refuses one that does not). Keep this block apart from the other
 * texts, so that merges stay easy. */
#ifndef OV_CONTENT_TEXTS_WORDS_H
#define OV_CONTENT_TEXTS_WORDS_H

#define OVW_B OV_WORD_LEN     /* a button */
#define OVW_T OV_TITLE_LEN    /* a title */
#define OVW_S OV_SENTENCE_LEN /* a line */
#define OVW_NOCHECK (-1)      /* facilitator and format texts: no easy-read check */

/* clang-format off */
#define OV_TEXTS_WORDS(X) \
    /* member: review, idle warning, previous question */ \
    X(review_title, OVW_T, 0, OVW_NOCHECK, "Check your answers", "Edrychwch ar eich atebion") \
    X(review_how, OVW_S, 0, OVW_NOCHECK, "Touch an answer to change it.", "Cyffyrddwch ag ateb i'w newid.") \
    X(review_save, OVW_B, 0, OVW_NOCHECK, "Save my answers", "Cadw fy atebion") \
    X(idle_title, OVW_T, 0, OVW_NOCHECK, "Are you still there?", "Ydych chi dal yma?") \
    X(idle_how, OVW_S, 0, OVW_NOCHECK, "Touch the big button to keep your answers.", \
      "Cyffyrddwch â'r botwm mawr i gadw eich atebion.") \
    X(idle_more_time, OVW_B, 0, OVW_NOCHECK, "I need more time", "Dw i angen mwy o amser") \
    X(previous, OVW_B, 0, OVW_NOCHECK, "Back", "Yn ôl") \
    /* member: the practice question (issue 13 point 5), shown and spoken above its title */ \
    X(practice_note, OVW_S, OV_FIT_SENTENCE, 0, "This is a practice question. Your answer is not kept.", \
      "Cwestiwn ymarfer yw hwn. Dydy eich ateb ddim yn cael ei gadw.") \
    /* member: sound and scanning, spoken */ \
    X(sound_slower, OVW_B, 0, OVW_NOCHECK, "Slower.", "Arafach.") \
    X(sound_faster, OVW_B, 0, OVW_NOCHECK, "Faster.", "Cyflymach.") \
    X(sound_quieter, OVW_B, 0, OVW_NOCHECK, "Quieter.", "Tawelach.") \
    X(sound_louder, OVW_B, 0, OVW_NOCHECK, "Louder.", "Uwch.") \
    X(sound_limit, OVW_S, 0, OVW_NOCHECK, "That is as far as it goes.", "Dyna'r pen draw.") \
    X(screen_is_off, OVW_S, 0, OVW_NOCHECK, "The screen is off. Nobody can see your answers.", \
      "Mae'r sgrin wedi diffodd. Does neb yn gallu gweld eich atebion.") \
    X(screen_is_on, OVW_S, 0, OVW_NOCHECK, "The screen is on.", "Mae'r sgrin ymlaen.") \
    X(scan_restart, OVW_S, 0, OVW_NOCHECK, "Press your switch to start again.", \
      "Pwyswch eich switsh i ddechrau eto.") \
    X(scan_welcome, OVW_S, 0, OVW_NOCHECK, "Press your switch when Start is lit.", \
      "Pwyswch eich switsh pan fydd Dechrau yn goleuo.") /* Welsh: to be read by a Welsh speaker */ \
    /* member: the two-switch set-up (VVSG 2.0); Welsh: to be read by a Welsh speaker */ \
    X(scan_setup_move, OVW_S, 0, OVW_NOCHECK, "Press the switch you want to use to move.", \
      "Pwyswch y switsh rydych chi eisiau ei ddefnyddio i symud.") \
    X(scan_setup_choose, OVW_S, 0, OVW_NOCHECK, "Now press the switch you want to use to choose.", \
      "Nawr pwyswch y switsh rydych chi eisiau ei ddefnyddio i ddewis.") \
    X(scan_two_welcome, OVW_S, 0, OVW_NOCHECK, "Move to Start. Then choose it.", \
      "Symudwch at Dechrau. Yna dewiswch e.") \
    /* member: priorities */ \
    X(ideas_title, OVW_T, 0, OVW_NOCHECK, "What should we do first?", "Beth ddylen ni ei wneud gyntaf?") \
    X(ideas_do, OVW_S, 0, OVW_NOCHECK, "Choose up to %d ideas. Then press Done.", \
      "Dewiswch hyd at %d syniad. Yna pwyswch Gorffen.") \
    X(ideas_do_one, OVW_S, 0, OVW_NOCHECK, "Choose 1 idea. Then press Done.", \
      "Dewiswch 1 syniad. Yna pwyswch Gorffen.") \
    X(ideas_full, OVW_S, 0, OVW_NOCHECK, "You have chosen %d. Press one again to take it back.", \
      "Rydych chi wedi dewis %d. Pwyswch un eto i'w dynnu yn ôl.") \
    X(ideas_none, OVW_S, 0, OVW_NOCHECK, "Choose at least 1 idea first.", \
      "Dewiswch o leiaf 1 syniad yn gyntaf.") \
    X(ideas_done, OVW_B, 0, OVW_NOCHECK, "Done", "Gorffen") \
    X(ideas_review_title, OVW_T, 0, OVW_NOCHECK, "Is this your choice?", "Ai dyma eich dewis?") \
    X(ideas_review_chose, OVW_S, 0, OVW_NOCHECK, "You chose:", "Dewisoch chi:") \
    X(ideas_review_look, OVW_S, 0, OVW_NOCHECK, "Look at the screen to see your choice.", \
      "Edrychwch ar y sgrin i weld eich dewis.") \
    X(ideas_thanks, OVW_S, 0, OVW_NOCHECK, "Your choice is secret. Nobody can see what you chose.", \
      "Mae eich dewis yn gyfrinachol. Does neb yn gallu gweld beth ddewisoch chi.") \
    /* member: the welcome's "you said, we did" */ \
    X(you_said_title, OVW_T, 0, OVW_NOCHECK, "You said, we did", "Dywedoch chi, gwnaethon ni") \
    X(you_said_line, OVW_S, 0, OVW_NOCHECK, "%s: most people said %s.", "%s: dywedodd y rhan fwyaf %s.") \
    X(you_said_not_enough, OVW_S, 0, OVW_NOCHECK, "Not enough answers yet to keep them secret.", \
      "Does dim digon o atebion eto i'w cadw yn gyfrinachol.") \
    X(we_did, OVW_S, 0, OVW_NOCHECK, "We did: %s.", "Gwnaethon ni: %s.") \
    X(we_will, OVW_S, 0, OVW_NOCHECK, "We will: %s. Who: %s. When: %s.", \
      "Byddwn ni yn: %s. Pwy: %s. Pryd: %s.") \
    /* facilitator: PIN */ \
    X(fac_title, OVW_T, 0, OVW_NOCHECK, "Facilitator", "Hwylusydd") \
    X(fac_no_pin_title, OVW_T, 0, OVW_NOCHECK, "Facilitator: no PIN is set", "Hwylusydd: does dim PIN") \
    X(fac_no_pin_1, OVW_S, 0, OVW_NOCHECK, "Turn the key switch to open facilitator mode.", \
      "Trowch yr allwedd i agor modd hwylusydd.") \
    X(fac_no_pin_2, OVW_S, 0, OVW_NOCHECK, "Then press Change PIN, or run set-pin.sh.", \
      "Yna pwyswch Newid PIN, neu rhedwch set-pin.sh.") \
    X(fac_pin_title, OVW_T, 0, OVW_NOCHECK, "Facilitator: type the PIN", "Hwylusydd: teipiwch y PIN") \
    X(fac_pin_wait, OVW_S, 0, OVW_NOCHECK, "Wait %d seconds, then try again.", \
      "Arhoswch %d eiliad. Yna triwch eto.") \
    X(fac_new_pin, OVW_T, 0, OVW_NOCHECK, "Choose a new PIN", "Dewiswch PIN newydd") \
    X(fac_new_pin_again, OVW_T, 0, OVW_NOCHECK, "Type the new PIN again", "Teipiwch y PIN newydd eto") \
    X(fac_new_pin_rule, OVW_S, 0, OVW_NOCHECK, "Use 4 to 8 numbers. Do not use 1234.", \
      "Defnyddiwch 4 i 8 rhif. Peidiwch â defnyddio 1234.") \
    X(fac_ok, OVW_B, 0, OVW_NOCHECK, "OK", "Iawn") \
    X(fac_delete, OVW_B, 0, OVW_NOCHECK, "Delete", "Dileu") \
    X(fac_cancel, OVW_B, 0, OVW_NOCHECK, "Cancel", "Canslo") \
    X(fac_pin_must_change, OVW_S, 0, OVW_NOCHECK, "The PIN 1234 must be changed before first use.", \
      "Rhaid newid y PIN 1234 cyn ei ddefnyddio.") \
    X(fac_pin_wrong, OVW_S, 0, OVW_NOCHECK, "That is not the PIN.", "Nid dyna'r PIN.") \
    X(fac_pin_wrong_again, OVW_S, 0, OVW_NOCHECK, "That is not the PIN. Try again.", \
      "Nid dyna'r PIN. Triwch eto.") \
    X(fac_pin_rule, OVW_S, 0, OVW_NOCHECK, "Use 4 to 8 numbers, not 1234 or 1111.", \
      "Defnyddiwch 4 i 8 rhif. Nid 1234 na 1111.") \
    X(fac_pin_differ, OVW_S, 0, OVW_NOCHECK, "The two PINs were not the same. Start again.", \
      "Doedd y ddau PIN ddim yr un fath. Dechreuwch eto.") \
    /* facilitator: the menu */ \
    X(fac_meeting_line, OVW_S, 0, OVW_NOCHECK, "Meeting: %s", "Cyfarfod: %s") \
    X(fac_round_line, OVW_S, 0, OVW_NOCHECK, "Round open: %s", "Rownd ar agor: %s") \
    X(fac_drop_in_line, OVW_S, 0, OVW_NOCHECK, "Voting: drop-in, one person at a time.", \
      "Galw heibio: un person ar y tro.") \
    X(fac_stick_ready, OVW_S, 0, OVW_NOCHECK, "USB stick: ready.", "Cof bach USB: yn barod.") \
    X(fac_stick_none, OVW_S, 0, OVW_NOCHECK, "USB stick: not in.", "Cof bach USB: dim i mewn.") \
    X(fac_to_check, OVW_S, 0, OVW_NOCHECK, "To check: %s", "I'w wirio: %s") \
    X(fac_results, OVW_B, 0, OVW_NOCHECK, "Results", "Canlyniadau") \
    X(fac_new_meeting, OVW_B, 0, OVW_NOCHECK, "New meeting", "Cyfarfod newydd") \
    X(fac_close_round, OVW_B, 0, OVW_NOCHECK, "Close the round", "Cau'r rownd") \
    X(fac_open_round, OVW_B, 0, OVW_NOCHECK, "Open a round", "Agor rownd") \
    X(fac_save_usb, OVW_B, 0, OVW_NOCHECK, "Save to USB stick", "Cadw ar y cof bach") \
    X(fac_clear_votes, OVW_B, 0, OVW_NOCHECK, "Clear votes", "Clirio pleidleisiau") \
    X(fac_new_questions, OVW_B, 0, OVW_NOCHECK, "New questions", "Cwestiynau newydd") \
    X(fac_old_questions, OVW_B, 0, OVW_NOCHECK, "Old questions back", "Yr hen gwestiynau yn ôl") \
    X(fac_change_pin, OVW_B, 0, OVW_NOCHECK, "Change PIN", "Newid PIN") \
    X(fac_settings, OVW_B, 0, OVW_NOCHECK, "Settings", "Gosodiadau") \
    X(fac_back_to_voting, OVW_B, 0, OVW_NOCHECK, "Back to voting", "Yn ôl i bleidleisio") \
    X(fac_back, OVW_B, 0, OVW_NOCHECK, "Back", "Yn ôl") \
    X(fac_menu, OVW_B, 0, OVW_NOCHECK, "Menu", "Dewislen") \
    /* facilitator: results, meeting, round, clear, import, settings */ \
    X(fac_nobody_yet, OVW_S, 0, OVW_NOCHECK, "Nobody has answered yet.", "Does neb wedi ateb eto.") \
    X(fac_no_results_yet, OVW_S, 0, OVW_NOCHECK, "There are no results yet: the meeting is still going on.", \
      "Does dim canlyniadau eto: mae'r cyfarfod yn dal i fynd.") \
    X(fac_no_results_how, OVW_S, 0, OVW_NOCHECK, \
      "To see its results, end it: press New meeting, then End this meeting.", \
      "I weld y canlyniadau, gorffennwch y cyfarfod: pwyswch Cyfarfod newydd, yna Gorffen y cyfarfod hwn.") \
    X(fac_last_time, OVW_B, 0, OVW_NOCHECK, "Last time", "Y tro diwethaf") \
    X(fac_this_time, OVW_B, 0, OVW_NOCHECK, "This time", "Y tro hwn") \
    X(fac_next_question, OVW_B, 0, OVW_NOCHECK, "Next question", "Cwestiwn nesaf") \
    X(fac_meeting_title, OVW_T, 0, OVW_NOCHECK, "Start a new meeting", "Dechrau cyfarfod newydd") \
    X(fac_meeting_1, OVW_S, 0, OVW_NOCHECK, "Choose a name. Today's date is added to it.", \
      "Dewiswch enw. Bydd dyddiad heddiw yn mynd gyda fe.") \
    X(fac_meeting_2, OVW_S, 0, OVW_NOCHECK, "Votes from now on count for the new meeting.", \
      "O nawr ymlaen, mae pleidleisiau yn cyfrif i'r cyfarfod newydd.") \
    X(fac_meeting_drop_in, OVW_B, 0, OVW_NOCHECK, "Drop-in", "Galw heibio") \
    X(fac_meeting_group, OVW_B, 0, OVW_NOCHECK, "Group meeting", "Cyfarfod grŵp") \
    X(fac_meeting_peer, OVW_B, 0, OVW_NOCHECK, "Peer network", "Rhwydwaith cyfoedion") \
    X(fac_meeting_staff, OVW_B, 0, OVW_NOCHECK, "Members and staff", "Aelodau a staff") \
    X(fac_meeting_training, OVW_B, 0, OVW_NOCHECK, "Training day", "Diwrnod hyfforddi") \
    X(fac_end_meeting, OVW_B, 0, OVW_NOCHECK, "End this meeting", "Gorffen y cyfarfod hwn") \
    X(fac_round_title, OVW_T, 0, OVW_NOCHECK, "Open a round: choose the question", \
      "Agor rownd: dewiswch y cwestiwn") \
    X(fac_round_1, OVW_S, 0, OVW_NOCHECK, \
      "Each press is one vote. Results stay hidden until you close the round.", \
      "Mae pob gwasgiad yn un bleidlais. Mae'r canlyniadau yn gudd nes i chi gau'r rownd.") \
    X(fac_ideas, OVW_B, 0, OVW_NOCHECK, "Ideas and priorities", "Syniadau a blaenoriaethau") \
    X(fac_clear_title, OVW_T, 0, OVW_NOCHECK, "Clear all votes?", "Clirio pob pleidlais?") \
    X(fac_clear_1, OVW_S, 0, OVW_NOCHECK, "The votes are saved on the USB stick.", \
      "Mae'r pleidleisiau wedi eu cadw ar y cof bach USB.") \
    X(fac_clear_2, OVW_S, 0, OVW_NOCHECK, "Clearing removes them from this kiosk. This cannot be undone.", \
      "Bydd clirio yn eu tynnu o'r ciosg hwn. Does dim modd eu cael yn ôl.") \
    X(fac_clear_yes, OVW_B, 0, OVW_NOCHECK, "Yes, clear them", "Ie, cliriwch nhw") \
    X(fac_clear_no, OVW_B, 0, OVW_NOCHECK, "No, keep them", "Na, cadwch nhw") \
    X(fac_import_title, OVW_T, 0, OVW_NOCHECK, "New questions on the USB stick", \
      "Cwestiynau newydd ar y cof bach") \
    X(fac_import_bad_title, OVW_T, 0, OVW_NOCHECK, "These questions cannot be used", \
      "Does dim modd defnyddio'r cwestiynau hyn") \
    X(fac_import_use, OVW_B, 0, OVW_NOCHECK, "Use them", "Eu defnyddio") \
    X(fac_import_keep, OVW_B, 0, OVW_NOCHECK, "Keep the old ones", "Cadw'r hen rai") \
    X(fac_settings_1, OVW_S, 0, OVW_NOCHECK, "Press a button to change it. Changes are kept.", \
      "Pwyswch fotwm i'w newid. Bydd y newid yn aros.") \
    X(fac_look_high_contrast, OVW_B, 0, OVW_NOCHECK, "Look: high contrast", "Golwg: cyferbyniad uchel") \
    X(fac_look_large_text, OVW_B, 0, OVW_NOCHECK, "Look: large text", "Golwg: testun mawr") \
    X(fac_look_standard, OVW_B, 0, OVW_NOCHECK, "Look: standard", "Golwg: arferol") \
    X(fac_check_on, OVW_B, 0, OVW_NOCHECK, "Check step: on", "Cam gwirio: ymlaen") \
    X(fac_check_off, OVW_B, 0, OVW_NOCHECK, "Check step: off", "Cam gwirio: i ffwrdd") \
    X(fac_speech_on, OVW_B, 0, OVW_NOCHECK, "Speech: on", "Llais: ymlaen") \
    X(fac_speech_off, OVW_B, 0, OVW_NOCHECK, "Speech: off", "Llais: i ffwrdd") \
    X(fac_blank_on, OVW_B, 0, OVW_NOCHECK, "Screen off with headphones: on", \
      "Sgrin ddu gyda chlustffonau: ymlaen") \
    X(fac_blank_off, OVW_B, 0, OVW_NOCHECK, "Screen off with headphones: off", \
      "Sgrin ddu gyda chlustffonau: i ffwrdd") \
    /* facilitator: what happened */ \
    X(fac_close_first, OVW_S, 0, OVW_NOCHECK, "Close the round first.", "Caewch y rownd yn gyntaf.") \
    X(fac_hidden_while_voting, OVW_S, 0, OVW_NOCHECK, "Results stay hidden while people are still voting.", \
      "Mae'r canlyniadau yn gudd tra bod pobl yn pleidleisio.") \
    X(fac_then_end, OVW_S, 0, OVW_NOCHECK, "Then end the meeting.", "Yna gorffennwch y cyfarfod.") \
    X(fac_stick_first, OVW_S, 0, OVW_NOCHECK, "Put a USB stick in first.", \
      "Rhowch gof bach USB i mewn yn gyntaf.") \
    X(fac_stick_first_2, OVW_S, 0, OVW_NOCHECK, "Then press Save to USB stick again.", \
      "Yna pwyswch Cadw ar y cof bach eto.") \
    X(fac_results_no_memory, OVW_S, 0, OVW_NOCHECK, "The results cannot be shown: out of memory.", \
      "Does dim modd dangos y canlyniadau: does dim digon o gof.") \
    X(fac_votes_unreadable, OVW_S, 0, OVW_NOCHECK, "The votes cannot be read.", \
      "Does dim modd darllen y pleidleisiau.") \
    X(fac_check_data, OVW_S, 0, OVW_NOCHECK, "Check the data folder, then try again.", \
      "Edrychwch ar y ffolder data. Yna triwch eto.") \
    X(fac_save_meeting_on, OVW_S, 0, OVW_NOCHECK, \
      "There is nothing to save yet: the meeting is still going on.", \
      "Does dim byd i'w gadw eto: mae'r cyfarfod yn dal i fynd.") \
    X(fac_save_meeting_on_2, OVW_S, 0, OVW_NOCHECK, \
      "End it first: press New meeting, then End this meeting.", \
      "Gorffennwch e yn gyntaf: pwyswch Cyfarfod newydd, yna Gorffen y cyfarfod hwn.") \
    X(fac_save_after_close, OVW_S, 0, OVW_NOCHECK, \
      "Results are saved only after it is closed: press Close the round on the menu.", \
      "Dim ond ar ôl cau'r rownd mae'r canlyniadau yn cael eu cadw: pwyswch Cau'r rownd ar y ddewislen.") \
    X(fac_save_no_memory, OVW_S, 0, OVW_NOCHECK, \
      "The results could not be saved on the stick: out of memory.", \
      "Doedd dim modd cadw'r canlyniadau ar y cof bach: does dim digon o gof.") \
    X(fac_saved, OVW_S, 0, OVW_NOCHECK, "Saved. You can take the USB stick out now.", \
      "Wedi cadw. Gallwch chi dynnu'r cof bach allan nawr.") \
    X(fac_saved_files, OVW_S, 0, OVW_NOCHECK, "%d files are in the ourvoice folder on the stick.", \
      "Mae %d ffeil yn y ffolder ourvoice ar y cof bach.") \
    X(fac_save_failed, OVW_S, 0, OVW_NOCHECK, "The results could not be saved on the stick.", \
      "Doedd dim modd cadw'r canlyniadau ar y cof bach.") \
    X(fac_save_failed_2, OVW_S, 0, OVW_NOCHECK, \
      "Nothing was removed from the kiosk. Press Save to USB stick to try again.", \
      "Does dim byd wedi mynd o'r ciosg. Pwyswch Cadw ar y cof bach i drio eto.") \
    X(fac_clear_failed, OVW_S, 0, OVW_NOCHECK, "The votes could not be cleared.", \
      "Doedd dim modd clirio'r pleidleisiau.") \
    X(fac_store_closed, OVW_S, 0, OVW_NOCHECK, "The vote store is not open.", \
      "Dydy'r storfa bleidleisiau ddim ar agor.") \
    X(fac_cleared, OVW_S, 0, OVW_NOCHECK, "The votes are cleared.", "Mae'r pleidleisiau wedi eu clirio.") \
    X(fac_cleared_2, OVW_S, 0, OVW_NOCHECK, "The kiosk is ready for new votes.", \
      "Mae'r ciosg yn barod am bleidleisiau newydd.") \
    X(fac_pin_not_made, OVW_S, 0, OVW_NOCHECK, "The new PIN could not be made.", \
      "Doedd dim modd gwneud y PIN newydd.") \
    X(fac_try_again, OVW_S, 0, OVW_NOCHECK, "Try again.", "Triwch eto.") \
    X(fac_pin_not_saved, OVW_S, 0, OVW_NOCHECK, "The new PIN could not be saved.", \
      "Doedd dim modd cadw'r PIN newydd.") \
    X(fac_pin_saved, OVW_S, 0, OVW_NOCHECK, "The new PIN is saved.", "Mae'r PIN newydd wedi ei gadw.") \
    X(fac_pin_saved_2, OVW_S, 0, OVW_NOCHECK, "Use it next time.", "Defnyddiwch e y tro nesaf.") \
    X(fac_import_no_memory, OVW_S, 0, OVW_NOCHECK, "The new questions cannot be checked: out of memory.", \
      "Does dim modd gwirio'r cwestiynau newydd: does dim digon o gof.") \
    X(fac_import_none, OVW_S, 0, OVW_NOCHECK, "There are no questions on the USB stick.", \
      "Does dim cwestiynau ar y cof bach.") \
    X(fac_import_none_2, OVW_S, 0, OVW_NOCHECK, "Put them in a folder called ourvoice/content.", \
      "Rhowch nhw mewn ffolder o'r enw ourvoice/content.") \
    X(fac_import_old_used, OVW_S, 0, OVW_NOCHECK, "The old questions are still used.", \
      "Mae'r hen gwestiynau yn dal i gael eu defnyddio.") \
    X(fac_import_done, OVW_S, 0, OVW_NOCHECK, "The new questions are in use.", \
      "Mae'r cwestiynau newydd yn cael eu defnyddio.") \
    X(fac_import_done_2, OVW_S, 0, OVW_NOCHECK, "The old questions are kept, so they can be put back.", \
      "Mae'r hen gwestiynau wedi eu cadw. Gallwch chi eu rhoi yn ôl.") \
    X(fac_restore_stay, OVW_S, 0, OVW_NOCHECK, "The questions in use now stay.", \
      "Mae'r cwestiynau sy'n cael eu defnyddio nawr yn aros.") \
    X(fac_restored, OVW_S, 0, OVW_NOCHECK, "The old questions are back.", "Mae'r hen gwestiynau yn ôl.") \
    X(fac_restored_2, OVW_S, 0, OVW_NOCHECK, "The newer ones are kept, so you can swap again.", \
      "Mae'r rhai newydd wedi eu cadw. Gallwch chi newid eto.") \
    X(fac_meeting_failed, OVW_S, 0, OVW_NOCHECK, "The meeting could not be changed.", \
      "Doedd dim modd newid y cyfarfod.") \
    X(fac_meeting_failed_2, OVW_S, 0, OVW_NOCHECK, \
      "Votes still count for the meeting before. Check the data folder.", \
      "Mae pleidleisiau yn dal i gyfrif i'r cyfarfod cynt. Edrychwch ar y ffolder data.") \
    X(fac_meeting_votes_for, OVW_S, 0, OVW_NOCHECK, "Votes from now on count for %s.", \
      "O nawr ymlaen, mae pleidleisiau yn cyfrif i %s.") \
    X(fac_meeting_ended, OVW_S, 0, OVW_NOCHECK, "The meeting %s has ended. Its results can be saved now.", \
      "Mae'r cyfarfod %s wedi gorffen. Gallwch chi gadw ei ganlyniadau nawr.") \
    /* facilitator: ideas, priorities and the action plan */ \
    X(ifac_pick_title, OVW_T, 0, OVW_NOCHECK, "Ideas: choose the question", "Syniadau: dewiswch y cwestiwn") \
    X(ifac_pick_1, OVW_S, 0, OVW_NOCHECK, "Add the group's ideas. Then members choose what to do first.", \
      "Ychwanegwch syniadau'r grŵp. Yna mae'r aelodau yn dewis beth i'w wneud gyntaf.") \
    X(ifac_last, OVW_B, 0, OVW_NOCHECK, "Last meeting: what we do", \
      "Cyfarfod diwethaf: beth rydyn ni'n ei wneud") \
    X(ifac_close_yes, OVW_B, 0, OVW_NOCHECK, "Yes, close it", "Ie, caewch e") \
    X(ifac_close_meeting, OVW_B, 0, OVW_NOCHECK, "Close this meeting", "Cau'r cyfarfod hwn") \
    X(ifac_board_title, OVW_T, 0, OVW_NOCHECK, "Ideas: %s", "Syniadau: %s") \
    X(ifac_board_count_one, OVW_S, 0, OVW_NOCHECK, "%d idea. Each member chooses up to %d.", \
      "%d syniad. Mae pob aelod yn dewis hyd at %d.") \
    X(ifac_board_count, OVW_S, 0, OVW_NOCHECK, "%d ideas. Each member chooses up to %d.", \
      "%d syniad. Mae pob aelod yn dewis hyd at %d.") \
    X(ifac_newest, OVW_S, 0, OVW_NOCHECK, "Newest idea: %s", "Y syniad olaf: %s") \
    X(ifac_round_open, OVW_S, 0, OVW_NOCHECK, "The priorities round is open: members are choosing.", \
      "Mae'r rownd blaenoriaethau ar agor: mae'r aelodau yn dewis.") \
    X(ifac_round_closed, OVW_S, 0, OVW_NOCHECK, "The priorities round is closed.", \
      "Mae'r rownd blaenoriaethau wedi cau.") \
    X(ifac_add, OVW_B, 0, OVW_NOCHECK, "Add an idea", "Ychwanegu syniad") \
    X(ifac_remove, OVW_B, 0, OVW_NOCHECK, "Remove the newest idea", "Tynnu'r syniad olaf") \
    X(ifac_choices, OVW_B, 0, OVW_NOCHECK, "Choose up to: %d", "Dewis hyd at: %d") \
    X(ifac_open_round, OVW_B, 0, OVW_NOCHECK, "Open the priorities round", "Agor y rownd blaenoriaethau") \
    X(ifac_close_round, OVW_B, 0, OVW_NOCHECK, "Close the priorities round", "Cau'r rownd blaenoriaethau") \
    X(ifac_plan, OVW_B, 0, OVW_NOCHECK, "Action plan", "Cynllun gwaith") \
    X(ifac_import, OVW_B, 0, OVW_NOCHECK, "Ideas from the USB stick", "Syniadau o'r cof bach") \
    X(ifac_plan_import, OVW_B, 0, OVW_NOCHECK, "Plan from the USB stick", "Cynllun o'r cof bach") \
    X(ifac_chose, OVW_S, 0, OVW_NOCHECK, "%ld chose: %s", "Dewisodd %ld: %s") \
    X(ifac_plan_item, OVW_S, 0, OVW_NOCHECK, "Plan: %s", "Cynllun: %s") \
    X(ifac_plan_title, OVW_T, 0, OVW_NOCHECK, "What we will do: %s", "Beth fyddwn ni yn ei wneud: %s") \
    X(ifac_plan_all, OVW_S, 0, OVW_NOCHECK, \
      "Not enough members chose to keep their choices secret, so every idea is shown.", \
      "Dim digon o aelodau i gadw'r dewis yn gyfrinachol. Felly mae pob syniad i'w weld.") \
    X(ifac_plan_most, OVW_S, 0, OVW_NOCHECK, \
      "The ideas members chose most. Press one to say what, who and when.", \
      "Y syniadau gafodd eu dewis fwyaf. Pwyswch un i ddweud beth, pwy a pryd.") \
    X(ifac_plan_press, OVW_S, 0, OVW_NOCHECK, "Press an idea to say what, who and when.", \
      "Pwyswch syniad i ddweud beth, pwy a pryd.") \
    X(ifac_done, OVW_B, 0, OVW_NOCHECK, "Done: %s", "Wedi gwneud: %s") \
    X(ifac_mark_done, OVW_B, 0, OVW_NOCHECK, "Mark done: %s", "Nodi wedi gwneud: %s") \
    X(ifac_ask_what, OVW_T, 0, OVW_NOCHECK, "What will we do?", "Beth fyddwn ni yn ei wneud?") \
    X(ifac_ask_who, OVW_T, 0, OVW_NOCHECK, "Who will do it?", "Pwy fydd yn ei wneud?") \
    X(ifac_ask_when, OVW_T, 0, OVW_NOCHECK, "When will it be done?", "Pryd fydd e wedi ei wneud?") \
    X(ifac_ask_idea, OVW_T, 0, OVW_NOCHECK, "Type the group's idea", "Teipiwch syniad y grŵp") \
    X(kb_space, OVW_B, 0, OVW_NOCHECK, "Space", "Bwlch") \
    X(kb_delete, OVW_B, 0, OVW_NOCHECK, "Delete", "Dileu") \
    X(kb_done, OVW_B, 0, OVW_NOCHECK, "Done", "Gorffen") \
    X(ifac_not_yet, OVW_S, 0, OVW_NOCHECK, "Not yet: %s.", "Ddim eto: %s.") \
    X(ifac_not_added, OVW_S, 0, OVW_NOCHECK, "Not added: %s.", "Heb ei ychwanegu: %s.") \
    X(ifac_added, OVW_S, 0, OVW_NOCHECK, "The idea is added.", "Mae'r syniad i mewn.") \
    X(ifac_not_saved, OVW_S, 0, OVW_NOCHECK, "Not saved: %s.", "Heb ei gadw: %s.") \
    X(ifac_saved, OVW_S, 0, OVW_NOCHECK, "The action is saved.", "Mae'r cam wedi ei gadw.") \
    X(ifac_full, OVW_S, 0, OVW_NOCHECK, "That is as long as it can be: %d letters.", \
      "Dyna'r hyd mwyaf: %d llythyren.") \
    X(ifac_round_closed_now, OVW_S, 0, OVW_NOCHECK, "The round is closed. Now make the action plan.", \
      "Mae'r rownd wedi cau. Nawr gwnewch y cynllun gwaith.") \
    X(ifac_keys_small, OVW_S, 0, OVW_NOCHECK, \
      "The keys are %.0f mm: this screen is too small for %.0f mm keys.", \
      "Bysellau %.0f mm: mae'r sgrin yn rhy fach i fysellau %.0f mm.") \
    X(ifac_unreadable, OVW_S, 0, OVW_NOCHECK, "The ideas cannot be read. Check the data folder.", \
      "Does dim modd darllen y syniadau. Edrychwch ar y ffolder data.") \
    X(ifac_last_gone, OVW_S, 0, OVW_NOCHECK, "The last meeting's plan is for questions no longer in use.", \
      "Mae cynllun y cyfarfod diwethaf ar gyfer hen gwestiynau.") \
    X(ifac_save_failed, OVW_S, 0, OVW_NOCHECK, "Not saved. Check the data folder, then try again.", \
      "Heb ei gadw. Edrychwch ar y ffolder data. Yna triwch eto.") \
    X(ifac_no_file, OVW_S, 0, OVW_NOCHECK, "There is no ideas.ini in the ourvoice folder on the USB stick.", \
      "Does dim ideas.ini yn y ffolder ourvoice ar y cof bach.") \
    X(ifac_imported, OVW_S, 0, OVW_NOCHECK, "The ideas and plans from the USB stick are in.", \
      "Mae'r syniadau a'r cynlluniau o'r cof bach i mewn.") \
    X(ifac_close_round_first, OVW_S, 0, OVW_NOCHECK, "Close the priorities round first.", \
      "Caewch y rownd blaenoriaethau yn gyntaf.") \
    X(ifac_close_failed, OVW_S, 0, OVW_NOCHECK, "The meeting could not be closed. Check the data folder.", \
      "Doedd dim modd cau'r cyfarfod. Edrychwch ar y ffolder data.") \
    X(ifac_closed, OVW_S, 0, OVW_NOCHECK, "The meeting is closed. Votes now count for %s.", \
      "Mae'r cyfarfod wedi cau. Mae pleidleisiau nawr yn cyfrif i %s.") \
    X(kb_dash, OVW_B, 0, OVW_NOCHECK, "dash", "llinell doriad") \
    X(kb_comma, OVW_B, 0, OVW_NOCHECK, "comma", "coma") \
    X(kb_full_stop, OVW_B, 0, OVW_NOCHECK, "full stop", "atalnod llawn") \
    X(kb_apostrophe, OVW_B, 0, OVW_NOCHECK, "apostrophe", "collnod") \
    X(kb_page_a_m, OVW_B, 0, OVW_NOCHECK, "letters A to M", "llythrennau A i M") \
    X(kb_page_n_z, OVW_B, 0, OVW_NOCHECK, "letters N to Z", "llythrennau N i Z") \
    X(kb_page_numbers, OVW_B, 0, OVW_NOCHECK, "numbers", "rhifau") \
    /* results: what most people said, and last time against this time */ \
    X(res_nobody, OVW_S, 0, OVW_NOCHECK, "Nobody has answered yet.", "Does neb wedi ateb eto.") \
    X(res_not_enough, OVW_S, 0, OVW_NOCHECK, "Not enough answers yet to keep them secret.", \
      "Does dim digon o atebion eto i'w cadw yn gyfrinachol.") \
    X(res_most, OVW_S, 0, OVW_NOCHECK, "Most people said: %s.", "Dywedodd y rhan fwyaf: %s.") \
    X(res_and, OVW_B, 0, OVW_NOCHECK, "and", "a") \
    X(grp_not_enough, OVW_S, 0, OVW_NOCHECK, "not enough answers yet.", "dim digon o atebion eto.") \
    X(grp_did_not_say, OVW_B, 0, OVW_NOCHECK, "Did not say", "Heb ddweud") \
    X(cmp_last_nobody, OVW_S, 0, OVW_NOCHECK, "Last time nobody answered.", \
      "Y tro diwethaf, wnaeth neb ateb.") \
    X(cmp_last_not_enough, OVW_S, 0, OVW_NOCHECK, \
      "Last time there were not enough answers to keep them secret.", \
      "Y tro diwethaf, doedd dim digon o atebion i'w cadw yn gyfrinachol.") \
    X(cmp_last_most, OVW_S, 0, OVW_NOCHECK, "Last time most people said %s.", \
      "Y tro diwethaf, dywedodd y rhan fwyaf %s.") \
    X(cmp_now_nobody, OVW_S, 0, OVW_NOCHECK, "This time nobody answered.", "Y tro hwn, wnaeth neb ateb.") \
    X(cmp_now_not_enough, OVW_S, 0, OVW_NOCHECK, \
      "This time there were not enough answers to keep them secret.", \
      "Y tro hwn, doedd dim digon o atebion i'w cadw yn gyfrinachol.") \
    X(cmp_now_most, OVW_S, 0, OVW_NOCHECK, "This time most people said %s.", \
      "Y tro hwn, dywedodd y rhan fwyaf %s.") \
    X(cmp_not_same, OVW_S, 0, OVW_NOCHECK, "These are not the same question.", \
      "Dydy'r rhain ddim yr un cwestiwn.") \
    /* the HTML report */ \
    X(rep_title, OVW_T, 0, OVW_NOCHECK, "What the group told us", "Beth ddywedodd y grŵp wrthon ni") \
    X(rep_from, OVW_S, 0, OVW_NOCHECK, "These are the answers from %s.", "Dyma'r atebion o %s.") \
    X(rep_saved_on, OVW_S, 0, OVW_NOCHECK, "They were saved on %s.", "Cawson nhw eu cadw ar %s.") \
    X(rep_months, OVW_S, 0, OVW_NOCHECK, \
      "January February March April May June July August September October November December", \
      "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr") \
    X(rep_secret, OVW_S, 0, OVW_NOCHECK, "Every answer is secret. Nobody can see what one person chose.", \
      "Mae pob ateb yn gyfrinachol. Does neb yn gallu gweld beth ddewisodd un person.") \
    X(rep_bar, OVW_S, 0, OVW_NOCHECK, "A longer bar means more people gave that answer.", \
      "Mae bar hirach yn golygu bod mwy o bobl wedi rhoi'r ateb hwnnw.") \
    X(rep_threshold, OVW_S, 0, OVW_NOCHECK, \
      "We only show the answers to a question when at least %d people answered it. " \
      "This keeps the answers secret.", \
      "Dim ond pan fydd o leiaf %d o bobl wedi ateb cwestiwn rydyn ni'n dangos yr atebion. " \
      "Mae hyn yn cadw'r atebion yn gyfrinachol.") \
    X(rep_nobody_q, OVW_S, 0, OVW_NOCHECK, "Nobody has answered this question yet.", \
      "Does neb wedi ateb y cwestiwn hwn eto.") \
    X(rep_answered_one, OVW_S, 0, OVW_NOCHECK, "%ld person answered this question.", \
      "Atebodd %ld person y cwestiwn hwn.") \
    X(rep_answered, OVW_S, 0, OVW_NOCHECK, "%ld people answered this question.", \
      "Atebodd %ld o bobl y cwestiwn hwn.") \
    X(rep_this_time, OVW_B, 0, OVW_NOCHECK, "This time", "Y tro hwn") \
    X(rep_who_said, OVW_T, 0, OVW_NOCHECK, "Who said what", "Pwy ddywedodd beth") \
    X(rep_who, OVW_B, 0, OVW_NOCHECK, "Who", "Pwy") \
    X(rep_group_not_enough, OVW_S, 0, OVW_NOCHECK, "Not enough answers yet.", "Dim digon o atebion eto.") \
    X(rep_withheld_one, OVW_S, 0, OVW_NOCHECK, \
      "Some answers are not in this report. %d kiosk had too few answers to share them.", \
      "Dydy rhai atebion ddim yn yr adroddiad hwn. Roedd gan %d ciosg rhy ychydig o atebion i'w rhannu.") \
    X(rep_withheld, OVW_S, 0, OVW_NOCHECK, \
      "Some answers are not in this report. %d kiosks had too few answers to share them.", \
      "Dydy rhai atebion ddim yn yr adroddiad hwn. Roedd gan %d ciosg rhy ychydig o atebion i'w rhannu.") \
    X(rep_no_plan, OVW_S, 0, OVW_NOCHECK, "There is no plan for these ideas yet.", \
      "Does dim cynllun ar gyfer y syniadau hyn eto.") \
    X(rep_we_did_this, OVW_B, 0, OVW_NOCHECK, "We did this:", "Gwnaethon ni hyn:") \
    X(rep_we_will, OVW_B, 0, OVW_NOCHECK, "We will:", "Byddwn ni yn:") \
    X(rep_who_when, OVW_S, 0, OVW_NOCHECK, "Who: %s. When: %s.", "Pwy: %s. Pryd: %s.") \
    X(rep_ideas, OVW_S, 0, OVW_NOCHECK, "The group's ideas:", "Syniadau'r grŵp:") \
    X(rep_chose_one, OVW_S, 0, OVW_NOCHECK, "(%ld person chose this)", "(dewisodd %ld person hwn)") \
    X(rep_chose, OVW_S, 0, OVW_NOCHECK, "(%ld people chose this)", "(dewisodd %ld o bobl hwn)") \
    X(rep_plan_title, OVW_T, 0, OVW_NOCHECK, "What we will do", "Beth fyddwn ni yn ei wneud") \
    X(rep_no_questions, OVW_S, 0, OVW_NOCHECK, "There are no questions in this report.", \
      "Does dim cwestiynau yn yr adroddiad hwn.") \
    X(rep_made_with, OVW_S, 0, OVW_NOCHECK, "Made with OurVoice.", "Wedi ei wneud gydag OurVoice.") \
    /* facilitator: new questions from a USB stick, what changes and how it went */ \
    X(imp_ready, OVW_S, 0, OVW_NOCHECK, "The new questions are ready.", "Mae'r cwestiynau newydd yn barod.") \
    X(imp_full, OVW_S, 0, OVW_NOCHECK, "The kiosk is full. The old questions stay.", \
      "Mae'r ciosg yn llawn. Mae'r hen gwestiynau yn aros.") \
    X(imp_not_saved, OVW_S, 0, OVW_NOCHECK, \
      "The kiosk could not save the questions. The old questions stay.", \
      "Doedd dim modd i'r ciosg gadw'r cwestiynau. Mae'r hen gwestiynau yn aros.") \
    X(imp_not_found, OVW_S, 0, OVW_NOCHECK, "The questions were not found. Was the USB stick taken out?", \
      "Doedd dim modd dod o hyd i'r cwestiynau. Gafodd y cof bach ei dynnu allan?") \
    X(imp_changed, OVW_S, 0, OVW_NOCHECK, \
      "The questions changed or have a problem. Please check them again.", \
      "Mae'r cwestiynau wedi newid neu mae problem. Gwiriwch nhw eto, os gwelwch yn dda.") \
    X(imp_went_wrong, OVW_S, 0, OVW_NOCHECK, \
      "Something went wrong. The old questions stay. Please try again.", \
      "Aeth rhywbeth o'i le. Mae'r hen gwestiynau yn aros. Triwch eto, os gwelwch yn dda.") \
    X(chg_voice, OVW_S, 0, OVW_NOCHECK, \
      "The voice changes from %s to %s.", "Mae'r llais yn newid o %s i %s.") \
    X(chg_language, OVW_S, 0, OVW_NOCHECK, "The language changes from %s to %s.", \
      "Mae'r iaith yn newid o %s i %s.") \
    X(chg_english, OVW_B, 0, OVW_NOCHECK, "English", "Saesneg") \
    X(chg_welsh, OVW_B, 0, OVW_NOCHECK, "Welsh", "Cymraeg") \
    X(chg_q_added, OVW_S, 0, OVW_NOCHECK, \
      "New question: \u201c%s\u201d.", "Cwestiwn newydd: \u201c%s\u201d.") \
    X(chg_q_removed, OVW_S, 0, OVW_NOCHECK, "The kiosk will not ask \u201c%s\u201d any more.", \
      "Fydd y ciosg ddim yn gofyn \u201c%s\u201d mwyach.") \
    X(chg_q_title, OVW_S, 0, OVW_NOCHECK, "\u201c%s\u201d gets a new title: \u201c%s\u201d.", \
      "Mae teitl newydd i \u201c%s\u201d: \u201c%s\u201d.") \
    X(chg_q_words, OVW_S, 0, OVW_NOCHECK, \
      "\u201c%s\u201d has new words.", "Mae geiriau newydd i \u201c%s\u201d.") \
    X(chg_q_picture, OVW_S, 0, OVW_NOCHECK, "\u201c%s\u201d has a new picture or recording.", \
      "Mae llun neu recordiad newydd i \u201c%s\u201d.") \
    X(chg_q_practice, OVW_S, 0, OVW_NOCHECK, \
      "\u201c%s\u201d is now the practice question. Its answers are not counted.", \
      "\u201c%s\u201d yw'r cwestiwn ymarfer nawr. Dydy ei atebion ddim yn cael eu cyfrif.") \
    X(chg_q_counted, OVW_S, 0, OVW_NOCHECK, \
      "\u201c%s\u201d is not the practice question any more. Its answers are counted now.", \
      "Nid \u201c%s\u201d yw'r cwestiwn ymarfer bellach. Mae ei atebion yn cael eu cyfrif nawr.") \
    X(chg_q_scale, OVW_S, 0, OVW_NOCHECK, "\u201c%s\u201d now has the answers \u201c%s\u201d.", \
      "Mae gan \u201c%s\u201d yr atebion \u201c%s\u201d nawr.") \
    X(chg_order, OVW_S, 0, OVW_NOCHECK, "The questions come in a new order.", \
      "Mae'r cwestiynau mewn trefn newydd.") \
    X(chg_a_added, OVW_S, 0, OVW_NOCHECK, "New answer \u201c%s\u201d in \u201c%s\u201d.", \
      "Ateb newydd \u201c%s\u201d yn \u201c%s\u201d.") \
    X(chg_a_removed, OVW_S, 0, OVW_NOCHECK, "\u201c%s\u201d loses the answer \u201c%s\u201d.", \
      "Mae \u201c%s\u201d yn colli'r ateb \u201c%s\u201d.") \
    X(chg_a_word, OVW_S, 0, OVW_NOCHECK, "The answer \u201c%s\u201d is now \u201c%s\u201d.", \
      "Mae'r ateb \u201c%s\u201d nawr yn \u201c%s\u201d.") \
    X(chg_texts, OVW_S, 0, OVW_NOCHECK, "The welcome and thank you words change.", \
      "Mae'r geiriau croeso a diolch yn newid.") \
    X(chg_votes_stay, OVW_S, 0, OVW_NOCHECK, "Answers people already gave stay in the results.", \
      "Mae'r atebion roddodd pobl yn barod yn aros yn y canlyniadau.") \
    X(chg_none, OVW_S, 0, OVW_NOCHECK, "Nothing changes. The questions are the same.", \
      "Does dim byd yn newid. Mae'r cwestiynau yr un fath.") \
    X(imp_page, OVW_S, 0, OVW_NOCHECK, "Page %d of %d. Press Next page to see the rest.", \
      "Tudalen %d o %d. Pwyswch Tudalen nesaf i weld y gweddill.") \
    X(imp_page_last, OVW_S, 0, OVW_NOCHECK, "Page %d of %d. Next page goes back to the first.", \
      "Tudalen %d o %d. Bydd Tudalen nesaf yn mynd yn ôl i'r gyntaf.") \
    X(imp_more_problems, OVW_S, 0, OVW_NOCHECK, \
      "And %d more problems. Run check-content on a computer to see them all.", \
      "A %d problem arall. Rhedwch check-content ar gyfrifiadur i'w gweld i gyd.") \
    X(imp_next_page, OVW_B, 0, OVW_NOCHECK, "Next page", "Tudalen nesaf") \
    /* facilitator: saving the results on a USB stick, how it went */ \
    X(exp_saved, OVW_S, 0, OVW_NOCHECK, "The answers are saved. You can take the USB stick out now.", \
      "Mae'r atebion wedi eu cadw. Gallwch chi dynnu'r cof bach allan nawr.") \
    X(exp_full, OVW_S, 0, OVW_NOCHECK, "The USB stick is full. Please try a different stick.", \
      "Mae'r cof bach yn llawn. Triwch gof bach arall, os gwelwch yn dda.") \
    X(exp_locked, OVW_S, 0, OVW_NOCHECK, \
      "The USB stick is locked, so nothing can be saved on it. Please try a different stick.", \
      "Mae'r cof bach wedi ei gloi, felly does dim modd cadw dim arno. " \
      "Triwch gof bach arall, os gwelwch yn dda.") \
    X(exp_too_soon, OVW_S, 0, OVW_NOCHECK, \
      "The USB stick was taken out too soon. Please put it back and try again.", \
      "Cafodd y cof bach ei dynnu allan yn rhy gynnar. Rhowch e yn ôl a thriwch eto, os gwelwch yn dda.") \
    X(exp_no_memory, OVW_S, 0, OVW_NOCHECK, "The kiosk ran out of memory. Please try again.", \
      "Does dim digon o gof gan y ciosg. Triwch eto, os gwelwch yn dda.") \
    X(exp_failed, OVW_S, 0, OVW_NOCHECK, \
      "Saving to the USB stick did not work. Please try again, or try a different stick.", \
      "Doedd dim modd cadw ar y cof bach. Triwch eto, neu triwch gof bach arall.") \
    /* facilitator: a problem in new questions, in plain words (platform/content_import_words.c): */ \
    /* imw_ patterns by checker code, imk_ names of content.ini keys, imw_subj_ what it is about */ \
    X(imw_content_missing, OVW_S, 0, OVW_NOCHECK, \
      "The file content.ini is missing", \
      "Mae'r ffeil content.ini ar goll") \
    X(imw_not_utf8, OVW_S, 0, OVW_NOCHECK, \
      "This line has letters the kiosk cannot read; save the file as UTF-8", \
      "Mae gan y llinell hon lythrennau does dim modd i'r ciosg eu darllen; cadwch y ffeil fel UTF-8") \
    X(imw_control_char, OVW_S, 0, OVW_NOCHECK, \
      "This line has a character that is not text", \
      "Mae gan y llinell hon nod sydd ddim yn destun") \
    X(imw_line_too_long, OVW_S, 0, OVW_NOCHECK, \
      "This line is too long", \
      "Mae'r llinell hon yn rhy hir") \
    X(imw_not_key_value, OVW_S, 0, OVW_NOCHECK, \
      "This line is not a setting, a heading or a comment", \
      "Dydy'r llinell hon ddim yn osodiad, yn bennawd nac yn sylw") \
    X(imw_no_bracket, OVW_S, 0, OVW_NOCHECK, \
      "This heading has no ]", \
      "Does dim ] gan y pennawd hwn") \
    X(imw_after_heading, OVW_S, 0, OVW_NOCHECK, \
      "Put this heading alone on its line", \
      "Rhowch y pennawd hwn ar ei ben ei hun ar ei linell") \
    X(imw_heading_empty, OVW_S, 0, OVW_NOCHECK, \
      "This heading is empty", \
      "Mae'r pennawd hwn yn wag") \
    X(imw_heading_ids, OVW_S, 0, OVW_NOCHECK, \
      "This heading needs a name, like [question my-id]", \
      "Mae angen enw ar y pennawd hwn, fel [question fy-enw]") \
    X(imw_no_questions, OVW_S, 0, OVW_NOCHECK, \
      "There are no questions", \
      "Does dim cwestiynau") \
    X(imw_too_many_questions, OVW_S, 0, OVW_NOCHECK, \
      "There are more than %d questions", \
      "Mae mwy na %d cwestiwn") \
    X(imw_too_many_scales, OVW_S, 0, OVW_NOCHECK, \
      "There are more than %d scales", \
      "Mae mwy na %d graddfa") \
    X(imw_no_answers, OVW_S, 0, OVW_NOCHECK, \
      "%s has no answers", \
      "Does dim atebion gan %s") \
    X(imw_answer_no_scale, OVW_S, 0, OVW_NOCHECK, \
      "%s: there is no scale \u201c%s\u201d", \
      "%s: does dim graddfa \u201c%s\u201d") \
    X(imw_too_few_answers, OVW_S, 0, OVW_NOCHECK, \
      "The scale \u201c%s\u201d needs at least 2 answers", \
      "Mae angen o leiaf 2 ateb ar y raddfa \u201c%s\u201d") \
    X(imw_too_many_answers, OVW_S, 0, OVW_NOCHECK, \
      "The scale \u201c%s\u201d has more than %d answers", \
      "Mae gan y raddfa \u201c%s\u201d fwy na %d ateb") \
    X(imw_too_many_sentences, OVW_S, 0, OVW_NOCHECK, \
      "%s has more than %d sentences", \
      "Mae gan %s fwy na %d brawddeg") \
    X(imw_file_not_found, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s %s is not there", \
      "%s: dydy'r %s %s ddim yno") \
    X(imw_picture_type, OVW_S, 0, OVW_NOCHECK, \
      "%s: the picture must be an SVG, PNG or JPG file", \
      "%s: rhaid i'r llun fod yn ffeil SVG, PNG neu JPG") \
    X(imw_recording_type, OVW_S, 0, OVW_NOCHECK, \
      "%s: the recording must be a WAV file", \
      "%s: rhaid i'r recordiad fod yn ffeil WAV") \
    X(imw_link_outside, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s is a link to another place; copy the file itself", \
      "%s: mae'r %s yn ddolen i le arall; copïwch y ffeil ei hun") \
    X(imw_path_absolute, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s must be inside the content folder", \
      "%s: rhaid i'r %s fod yn y ffolder cynnwys") \
    X(imw_path_outside, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s must be inside the content folder", \
      "%s: rhaid i'r %s fod yn y ffolder cynnwys") \
    X(imw_hidden, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s is a hidden file; rename it without the dot", \
      "%s: mae'r %s yn ffeil gudd; newidiwch ei henw heb y dot") \
    X(imw_file_too_big, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s is too big", \
      "%s: mae'r %s yn rhy fawr") \
    X(imw_not_a_file, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s is a folder, not a file", \
      "%s: ffolder ydy'r %s, nid ffeil") \
    X(imw_file_unusable, OVW_S, 0, OVW_NOCHECK, \
      "%s: this file cannot be used: %s", \
      "%s: does dim modd defnyddio'r ffeil hon: %s") \
    X(imw_key_missing, OVW_S, 0, OVW_NOCHECK, \
      "%s has no %s", \
      "%s: does dim %s") \
    X(imw_texts_key_missing, OVW_S, 0, OVW_NOCHECK, \
      "%s has no %s", \
      "%s: does dim %s") \
    X(imw_unknown_key, OVW_S, 0, OVW_NOCHECK, \
      "%s: the kiosk does not know \u201c%s\u201d", \
      "%s: dydy'r ciosg ddim yn gwybod \u201c%s\u201d") \
    X(imw_colour_unknown, OVW_S, 0, OVW_NOCHECK, \
      "%s: the kiosk does not know the colour \u201c%s\u201d", \
      "%s: dydy'r ciosg ddim yn gwybod y lliw \u201c%s\u201d") \
    X(imw_shape_unknown, OVW_S, 0, OVW_NOCHECK, \
      "%s: the kiosk does not know the shape \u201c%s\u201d", \
      "%s: dydy'r ciosg ddim yn gwybod y siâp \u201c%s\u201d") \
    X(imw_unknown_section, OVW_S, 0, OVW_NOCHECK, \
      "The kiosk does not know this heading", \
      "Dydy'r ciosg ddim yn gwybod y pennawd hwn") \
    X(imw_bad_id, OVW_S, 0, OVW_NOCHECK, \
      "A name in [ ] may only have letters, numbers, - and _", \
      "Dim ond llythrennau, rhifau, - a _ sy'n cael bod mewn enw mewn [ ]") \
    X(imw_text_empty, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s is empty", \
      "%s: mae'r %s yn wag") \
    X(imw_text_too_long, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s is too long", \
      "%s: mae'r %s yn rhy hir") \
    X(imw_not_yes_no, OVW_S, 0, OVW_NOCHECK, \
      "%s: write yes or no for the %s", \
      "%s: ysgrifennwch yes neu no ar gyfer y %s") \
    X(imw_bad_language, OVW_S, 0, OVW_NOCHECK, \
      "The language is not one the kiosk knows", \
      "Dydy'r ciosg ddim yn gwybod yr iaith") \
    X(imw_bad_progress, OVW_S, 0, OVW_NOCHECK, \
      "The progress words need %%d twice", \
      "Mae angen %%d ddwywaith yn y geiriau cynnydd") \
    X(imw_text_format, OVW_S, 0, OVW_NOCHECK, \
      "%s: the words \u201c%s\u201d need the same %% parts as in English", \
      "%s: mae angen yr un rhannau %% ar y geiriau \u201c%s\u201d ag yn Saesneg") \
    X(imw_dont_know_twice, OVW_S, 0, OVW_NOCHECK, \
      "%s: there are 2 \u201cI don't know\u201d answers", \
      "%s: mae 2 ateb \u201cDw i ddim yn gwybod\u201d") \
    X(imw_outside_section, OVW_S, 0, OVW_NOCHECK, \
      "This line is not under a heading", \
      "Dydy'r llinell hon ddim o dan bennawd") \
    X(imw_long_word, OVW_S, 0, OVW_NOCHECK, \
      "%s: \u201c%s\u201d is a long word; use a short everyday word", \
      "%s: mae \u201c%s\u201d yn air hir; defnyddiwch air byr bob dydd") \
    X(imw_acronym, OVW_S, 0, OVW_NOCHECK, \
      "%s: write \u201c%s\u201d out in full words", \
      "%s: ysgrifennwch \u201c%s\u201d yn llawn mewn geiriau") \
    X(imw_number_word, OVW_S, 0, OVW_NOCHECK, \
      "%s: write \u201c%s\u201d in digits", \
      "%s: ysgrifennwch \u201c%s\u201d mewn digidau") \
    X(imw_long_sentence, OVW_S, 0, OVW_NOCHECK, \
      "%s: a sentence has more than %d words", \
      "%s: mae gan frawddeg fwy na %d gair") \
    X(imw_sentences_one_line, OVW_S, 0, OVW_NOCHECK, \
      "%s: put each sentence on its own line", \
      "%s: rhowch bob brawddeg ar ei llinell ei hun") \
    X(imw_same_look, OVW_S, 0, OVW_NOCHECK, \
      "%s: 2 answers look the same", \
      "%s: mae 2 ateb yn edrych yr un fath") \
    X(imw_may_not_fit, OVW_S, 0, OVW_NOCHECK, \
      "%s: the %s may be too long for the screen", \
      "%s: efallai bod y %s yn rhy hir i'r sgrin") \
    X(imw_no_picture, OVW_S, 0, OVW_NOCHECK, \
      "%s has no picture", \
      "Does dim llun gan %s") \
    X(imw_no_texts, OVW_S, 0, OVW_NOCHECK, \
      "There are no screen words, so the kiosk uses its own English ones", \
      "Does dim geiriau sgrin, felly mae'r ciosg yn defnyddio ei rai Saesneg ei hun") \
    X(fac_stick_waited, OVW_S, 0, OVW_NOCHECK, \
      "The USB stick came during a visit. The kiosk waited for the visit to end.", \
      "Daeth y cof bach USB yn ystod ymweliad. Arhosodd y ciosg i'r ymweliad orffen.") \
    X(imw_no_glyph, OVW_S, 0, OVW_NOCHECK, \
      "%s: the kiosk cannot show the letter \u201c%s\u201d", \
      "%s: dydy'r ciosg ddim yn gallu dangos y llythyren \u201c%s\u201d") \
    X(imw_long_title, OVW_S, 0, OVW_NOCHECK, \
      "%s: the title is long; keep it short and say the rest in a sentence", \
      "%s: mae'r teitl yn hir; cadwch e'n fyr a dweud y gweddill mewn brawddeg") \
    X(imw_practice_twice, OVW_S, 0, OVW_NOCHECK, \
      "%s is a practice question too. Only 1 question can be a practice question", \
      "%s: mae hwn yn gwestiwn ymarfer hefyd. Dim ond 1 cwestiwn sy'n gallu bod yn gwestiwn ymarfer") \
    X(imw_practice_not_first, OVW_S, 0, OVW_NOCHECK, \
      "%s is the practice question, so it must be the first question", \
      "%s yw'r cwestiwn ymarfer, felly rhaid iddo fod y cwestiwn cyntaf") \
    X(imw_practice_alone, OVW_S, 0, OVW_NOCHECK, \
      "%s is the practice question. Add at least 1 real question after it", \
      "%s yw'r cwestiwn ymarfer. Ychwanegwch o leiaf 1 cwestiwn go iawn ar ei ôl") \
    X(imk_title, OVW_S, 0, OVW_NOCHECK, \
      "title", \
      "teitl") \
    X(imk_sentence, OVW_S, 0, OVW_NOCHECK, \
      "sentence", \
      "brawddeg") \
    X(imk_picture, OVW_S, 0, OVW_NOCHECK, \
      "picture", \
      "llun") \
    X(imk_recording, OVW_S, 0, OVW_NOCHECK, \
      "recording", \
      "recordiad") \
    X(imk_scale, OVW_S, 0, OVW_NOCHECK, \
      "answers", \
      "atebion") \
    X(imk_word, OVW_S, 0, OVW_NOCHECK, \
      "word", \
      "gair") \
    X(imk_say, OVW_S, 0, OVW_NOCHECK, \
      "spoken words", \
      "geiriau llafar") \
    X(imk_colour, OVW_S, 0, OVW_NOCHECK, \
      "colour", \
      "lliw") \
    X(imk_shape, OVW_S, 0, OVW_NOCHECK, \
      "shape", \
      "siâp") \
    X(imk_name, OVW_S, 0, OVW_NOCHECK, \
      "name", \
      "enw") \
    X(imk_dont_know, OVW_S, 0, OVW_NOCHECK, \
      "\u201cI don't know\u201d setting", \
      "gosodiad \u201cDw i ddim yn gwybod\u201d") \
    X(imk_language, OVW_S, 0, OVW_NOCHECK, \
      "language", \
      "iaith") \
    X(imk_progress, OVW_S, 0, OVW_NOCHECK, \
      "progress words", \
      "geiriau cynnydd") \
    X(imk_file, OVW_S, 0, OVW_NOCHECK, \
      "file", \
      "ffeil") \
    X(imk_practice, OVW_S, 0, OVW_NOCHECK, \
      "practice setting", \
      "gosodiad ymarfer") \
    X(imw_subj_question, OVW_S, 0, OVW_NOCHECK, \
      "Question %d", \
      "Cwestiwn %d") \
    X(imw_subj_answer, OVW_S, 0, OVW_NOCHECK, \
      "The answer \u201c%s\u201d of \u201c%s\u201d", \
      "Yr ateb \u201c%s\u201d yn \u201c%s\u201d") \
    X(imw_subj_scale, OVW_S, 0, OVW_NOCHECK, \
      "The scale \u201c%s\u201d", \
      "Y raddfa \u201c%s\u201d") \
    X(imw_subj_texts, OVW_S, 0, OVW_NOCHECK, \
      "The screen words", \
      "Y geiriau sgrin") \
    X(imw_subj_content, OVW_S, 0, OVW_NOCHECK, \
      "The language part", \
      "Y rhan iaith") \
    X(imw_subj_line, OVW_S, 0, OVW_NOCHECK, \
      "This line", \
      "Y llinell hon") \
    X(imw_subj_all, OVW_S, 0, OVW_NOCHECK, \
      "The content", \
      "Y cynnwys") \
    X(imw_key_twice, OVW_S, 0, OVW_NOCHECK, \
      "%s has the %s twice", \
      "%s: mae'r %s ddwywaith") \
    X(imw_section_twice, OVW_S, 0, OVW_NOCHECK, \
      "%s is in the file twice", \
      "Mae %s yn y ffeil ddwywaith") \
    X(imw_at_line, OVW_S, 0, OVW_NOCHECK, \
      "%s (content.ini line %d).", \
      "%s (content.ini llinell %d).") \
    /* import problems found before or around the checker (platform/content_import.c) */ \
    X(imw_source_path, OVW_S, 0, OVW_NOCHECK, \
      "The folder name is missing or too long. Use a shorter folder name", \
      "Mae enw'r ffolder ar goll neu'n rhy hir. Defnyddiwch enw ffolder byrrach") \
    X(imw_folder_unreadable, OVW_S, 0, OVW_NOCHECK, \
      "The kiosk cannot open the folder. Check the USB stick", \
      "Dydy'r ciosg ddim yn gallu agor y ffolder. Edrychwch ar y cof bach USB") \
    X(imw_too_many_files, OVW_S, 0, OVW_NOCHECK, \
      "There are too many files. Use %d pictures and recordings or fewer", \
      "Mae gormod o ffeiliau. Defnyddiwch %d llun a recordiad neu lai") \
    X(imw_files_too_big, OVW_S, 0, OVW_NOCHECK, \
      "The pictures and recordings are too big together. Keep them under %d MB", \
      "Mae'r lluniau a'r recordiadau yn rhy fawr gyda'i gilydd. Cadwch nhw o dan %d MB") \
    X(imw_path_too_long, OVW_S, 0, OVW_NOCHECK, \
      "%s: the name of the %s is too long", \
      "%s: mae enw'r %s yn rhy hir") \
    X(imw_no_voice, OVW_S, 0, OVW_NOCHECK, \
      "%s: the kiosk has no voice for the language \u201c%s\u201d", \
      "%s: does gan y ciosg ddim llais ar gyfer yr iaith \u201c%s\u201d") \
    X(imw_cut_comment, OVW_S, 0, OVW_NOCHECK, \
      "%s: the words after \u201c;\u201d in the %s are left out. Write a comma instead", \
      "%s: mae'r geiriau ar ôl \u201c;\u201d yn y %s yn cael eu gadael allan. Ysgrifennwch goma yn lle") \
    X(imw_other, OVW_S, 0, OVW_NOCHECK, \
      "%s has a problem. Run check-content on a computer to see it", \
      "%s: mae problem. Rhedwch check-content ar gyfrifiadur i'w gweld") \
    X(imw_screen_not_fit, OVW_S, 0, OVW_NOCHECK, \
      "%s does not fit on one of the screens, in large text or on a small screen. Make its words " \
      "shorter. check-content on a computer says which screen", \
      "%s: nid yw'n ffitio ar un o'r sgriniau, mewn testun mawr neu ar sgrin fach. Gwnewch y " \
      "geiriau'n fyrrach. Mae check-content ar gyfrifiadur yn dweud pa sgrin") \
    /* problems the kiosk finds itself (base/problem.h), for the facilitator */ \
    X(fac_strip, OVW_S, 0, OVW_NOCHECK, "For the facilitator: %s", "I'r hwylusydd: %s") \
    X(prob_other, OVW_S, 0, OVW_NOCHECK, "Something is wrong. The log says what.", \
      "Mae rhywbeth o'i le. Mae'r log yn dweud beth.") \
    X(prob_buttons_off, OVW_S, 0, OVW_NOCHECK, "The arcade buttons do not work. Check their cable.", \
      "Dydy'r botymau arcêd ddim yn gweithio. Edrychwch ar eu cebl.") \
    X(prob_buttons_some, OVW_S, 0, OVW_NOCHECK, \
      "Some arcade buttons or lights do not work. Check their cables.", \
      "Dydy rhai botymau arcêd neu oleuadau ddim yn gweithio. Edrychwch ar eu ceblau.") \
    X(prob_button_stuck, OVW_S, 0, OVW_NOCHECK, \
      "A button is stuck down. The kiosk ignores it until it comes up.", \
      "Mae botwm yn sownd. Mae'r ciosg yn ei anwybyddu nes iddo godi.") \
    X(prob_sound_device, OVW_S, 0, OVW_NOCHECK, \
      "The speaker in the settings does not work. The kiosk uses another one.", \
      "Dydy'r seinydd yn y gosodiadau ddim yn gweithio. Mae'r ciosg yn defnyddio un arall.") \
    X(prob_no_sound, OVW_S, 0, OVW_NOCHECK, "There is no sound. Check the speaker is plugged in.", \
      "Does dim sain. Gwnewch yn siŵr bod y seinydd wedi'i blygio i mewn.") \
    X(prob_voice, OVW_S, 0, OVW_NOCHECK, "The voice does not work. The screen still works.", \
      "Dydy'r llais ddim yn gweithio. Mae'r sgrin yn dal i weithio.") \
    X(prob_recording, OVW_S, 0, OVW_NOCHECK, "A recording did not play. The kiosk read the words instead.", \
      "Wnaeth recordiad ddim chwarae. Darllenodd y ciosg y geiriau yn lle hynny.") \
    X(prob_font, OVW_S, 0, OVW_NOCHECK, "The kiosk font is missing. The kiosk uses another font.", \
      "Mae ffont y ciosg ar goll. Mae'r ciosg yn defnyddio ffont arall.") \
    X(prob_content, OVW_S, 0, OVW_NOCHECK, \
      "The questions have mistakes. The kiosk shows its own questions.", \
      "Mae camgymeriadau yn y cwestiynau. Mae'r ciosg yn dangos ei gwestiynau ei hun.") \
    X(prob_votes, OVW_S, 0, OVW_NOCHECK, "The kiosk cannot save votes. Check the memory card.", \
      "Dydy'r ciosg ddim yn gallu cadw pleidleisiau. Edrychwch ar y cerdyn cof.") \
    X(prob_pin_record, OVW_S, 0, OVW_NOCHECK, "The kiosk cannot read its list of wrong PINs.", \
      "Dydy'r ciosg ddim yn gallu darllen ei restr o PINau anghywir.") \
    X(prob_old_sdl, OVW_S, 0, OVW_NOCHECK, \
      "The screen may show garbage: this Raspberry Pi 5 has SDL older than 2.30. " \
      "Install Raspberry Pi OS trixie.", \
      "Efallai bydd y sgrin yn dangos sbwriel: mae gan y Raspberry Pi 5 hwn SDL hŷn na 2.30. " \
      "Gosodwch Raspberry Pi OS trixie.")
/* clang-format on */

#endif
