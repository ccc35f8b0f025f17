package dev.interviewloop;
